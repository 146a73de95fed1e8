"""`python -m communique` runs the command line."""

from communique.cli import main

if __name__ == "__main__":
    main()
