"""statements"""
