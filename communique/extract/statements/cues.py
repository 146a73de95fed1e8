"""The cue vocabulary: verbs and phrases that attribute speech (and, optionally, belief)."""

from __future__ import annotations

from spacy.tokens import Token

# Verbs of saying, by lemma. Membership alone is not enough: the parse must give the verb a
# source and a content before it counts (see statements.py).
SPEECH = frozenset(
    """
    say tell add warn insist deny confirm stress claim state announce explain argue note
    acknowledge admit assert declare suggest report write tweet post reply respond answer ask
    urge promise pledge vow predict reveal disclose allege maintain emphasize emphasise
    reiterate recall complain concede contend dismiss describe comment indicate signal observe
    remark caution repeat estimate testify quip joke boast brag charge counter retort shout
    demand propose recommend agree disagree agree acknowledge concur assure reassure inform
    notify brief accuse blame criticize criticise condemn praise welcome question wonder
    declare proclaim predict forecast threaten hint imply affirm reaffirm conclude mention
    call point rule encourage cite defend mock denounce address raise speak lament blast slam dispute
    challenge rebut retort recount email quote swear advise order recommend clarify request reject
    """.split()
)

# Nouns that carry an attribution: "Trump's claim that ...", "the ministry's warning that ...".
NOUN_CUES = frozenset(
    """
    claim statement remark comment warning announcement assertion accusation allegation denial
    suggestion promise pledge argument insistence admission acknowledgment acknowledgement
    prediction threat vow assurance contention charge insinuation testimony
    """.split()
)

# Verbs that attribute only when a quotation stands right beside them ('"...," she continued').
QUOTE_VERBS = frozenset(
    "continue sing chant shout yell scream whisper mutter laugh sigh type text read begin go exclaim cry".split()
)

# Verbs of evidence: "a poll shows that ...", "the inquiry found that ...". They attribute only
# with a reported clause of their own ("found it hard" is no attribution).
EVIDENCE = frozenset("show find demonstrate document".split())

# Verbs of thinking and knowing: PolNeAR counts these as attributions; users may not.
BELIEF = frozenset(
    """
    believe think feel expect hope fear know worry doubt suspect consider assume understand
    anticipate guess reckon see view regard find learn realize realise want plan intend aim seek
    """.split()
)

# Beliefs about one's own plans: the content is the infinitive ("wants to cut taxes").
INTENT = frozenset("want plan intend aim seek hope expect".split())

# Verbs whose direct object is the content itself ("denied the reports", "confirmed the visit").
OBJECT_CONTENT = frozenset(
    "deny confirm dismiss reject announce reveal disclose acknowledge admit report claim "
    "allege predict promise pledge demand propose recommend welcome condemn criticize "
    "criticise praise question repeat reiterate reaffirm mention describe cite defend mock "
    "denounce address raise lament blast slam dispute challenge rebut recount quote post "
    "tweet write state stress emphasize emphasise note signal indicate request".split()
)

# Verbs whose content is "(someone) to do something": "urged both sides to talk".
OBJECT_AND_CLAUSE = frozenset("urge ask encourage call advise order warn implore invite request".split())

# Verbs whose content is the complaint's object: "accused X of lying", "complained about the mic".
PREP_CONTENT = {"accuse": ("of",), "blame": ("for",), "criticize": ("for",), "criticise": ("for",),
                "praise": ("for",), "complain": ("about", "of"), "warn": ("of", "against", "about"),
                "speak": ("about", "of"), "call": ("for",), "point": ("to",), "talk": ("about",),
                "insist": ("on",), "comment": ("on",), "argue": ("for", "against")}

# Verbs whose object is the addressee, not the content ("told reporters", "informed the court").
ADDRESSEE_OBJECT = frozenset("tell inform notify brief assure reassure warn ask urge".split())

# Speech verbs that need a content clause or a quote to count; "X added" alone is not a statement.
PHRASAL = {("according", "to")}


def is_cue_lemma(lemma: str, beliefs: bool) -> bool:
    """Whether a verb lemma can introduce an attribution."""
    lemma = lemma.lower()
    return lemma in SPEECH or lemma in EVIDENCE or (beliefs and lemma in BELIEF)


def is_cue(token: Token, beliefs: bool) -> bool:
    """Whether a token is a verb of saying (or believing) in this sentence."""
    return token.pos_ in ("VERB", "AUX") and is_cue_lemma(token.lemma_, beliefs)


def is_according_to(token: Token) -> bool:
    """Whether the token is the 'according' of 'according to X'."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and nxt is not None and nxt.lower_ == "to"
