"""A question is not a request.

The dictionary's ASK block codes asking as an appeal (020); PLOVER REQUEST is asking a party for an act or a
thing. "Asked whether he would resign", "asked by a reporter", "asked me where he is", "asked a question", a
quoted question, "when asked" ask for nothing; "asked the court to delay the hearing", "asked for help", "asked
that the vote be delayed", "asked permission" do.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.extract.events import arguments as args

QUESTION_WORDS = {"whether", "if", "about", "what", "why", "how", "when", "who", "which", "where"}
REPORTERS = {"reporter", "journalist", "interviewer", "correspondent", "moderator", "host"}


def asks_for(verb: Token) -> bool:
    """ "asked X to leave", "asked for help", "asked that the vote be delayed", "asked permission": asking names
    an act or a thing; "asked where he was", "asked a question", "when asked" name none."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "asked X for Y", also where the parser hangs "for" on the object ("asked companies like Walmart for money")
    if any(t.dep_ in ("prep", "prt") and t.lower_ == "for" for t in (*verb.children, *(
            t for o in objects for t in o.subtree))):
        return True
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl") and any(
                g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that") for g in child.children):
            return True
        if child.dep_ == "dobj" and not args.is_actor(child) and child.lower_ not in ASKED_NOTHING:
            return True
    return False


# Objects of "ask" that name no thing wanted: whom it was asked of ("asked me"), a question ("asked a question",
# "I was asked this").
ASKED_NOTHING = {"me", "him", "her", "us", "them", "you", "question", "questions", "this", "that", "it", "what",
                 "which"}


def question(verb: Token) -> bool:
    """ "asked whether ...", "asked about ...", "asked by a reporter": a question, not a request."""
    for child in verb.children:
        if child.dep_ == "agent" and any(args.core_head(p).lemma_.lower() in REPORTERS for p in child.children):
            return True
        if child.dep_ in ("ccomp", "prep", "advcl") and (
                child.lower_ in QUESTION_WORDS or any(m.lower_ in QUESTION_WORDS for m in child.children
                                                      if m.dep_ in ("mark", "advmod", "nsubj", "dobj"))):
            return True
    subj = args.subjects(verb)
    if not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children if c.i > verb.i) and any(
            t.text == "?" for t in verb.doc[verb.sent.start:verb.i]):
        return True  # '"But why?" he asked.': the quoted question before the verb is what was asked
    return any(args.core_head(s).lemma_.lower() in REPORTERS for s in subj) or verb.sent.text.rstrip().endswith("?")


def asked_whether(verb: Token) -> bool:
    """ "asked whether he would resign", "asked which candidate she would back": the event is only a question's
    topic."""
    tok = verb
    while tok.dep_ in ("ccomp", "xcomp", "conj") and tok.head.i != tok.i:
        if _open(tok) and tok.head.lemma_.lower() in ("ask", "wonder", "question", "inquire", "query"):
            return True
        tok = tok.head
    return False


def _open(clause: Token) -> bool:
    """A clause that asks: "whether/if ...", or a wh-word among its words ("which candidate she would back",
    "whom she supported")."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children) or any(
        t.tag_ in WH_TAGS for c in clause.children for t in (c, *c.children))


WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def alternative(verb: Token) -> bool:
    """ "whether they agree or not": a clause of alternatives reports neither."""
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children)
