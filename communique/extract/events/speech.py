"""Who a speech act belongs to: the speaker of a quote as an actor, the speaker's own threats, and the analysts
whose demands and verdicts the guide leaves out."""

from __future__ import annotations

from communique.extract.events import frames as plover
from communique.records import ActorRef

FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}  # who speaks for the speaker's own side
# Verbs that make a decision known: a measure announced is the act itself, not a threat of it.
DECISIONS = {"announce", "confirm", "decide", "declare", "order"}

# Speech acts, and the people whose speech acts the guide leaves out ("opinions of analysts").
SPEECH_ACTS = {"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "AGREE"}
COMMENTATORS = {"expert", "analyst", "researcher", "scholar", "academic", "professor", "economist", "scientist",
                "observer", "commentator", "specialist"}


def commentator(text: str) -> bool:
    """A description of analysts or experts ("experts", "a security analyst", "analysts at the institute")."""
    words = head_word(text)
    return words.rstrip("s") in COMMENTATORS or words in COMMENTATORS


def speaker_ref(speaker) -> ActorRef:
    """The speaker of a quote as an actor, on the words that name them."""
    return ActorRef(text=speaker.text, start=speaker.start, end=speaker.end, name=speaker.name,
                    country=speaker.country, sector=speaker.sector, actor_id=speaker.actor_id, kb_id=speaker.kb_id)


def own_threat(etype: str, state, actors: list[ActorRef], claim) -> bool:
    """ "We will impose sanctions", "Geza said he would mobilize protests": coercion the speaker says their own
    side will or would carry out is a threat, as CAMEO codes conflictual intent (13 THREATEN) beside cooperative
    intent (03, PLOVER AGREE); a decision announced ("announced it will expel the ambassador") is the act."""
    if etype not in plover.THREAT_MODES or etype == "RETREAT" or state.negated:
        return False
    if not (state.future or state.hypothetical) or claim is None or claim.speaker is None or not actors:
        return False
    if claim.cue is not None and claim.cue.lemma in DECISIONS:
        return False  # "announced it would cease aid": a decision made known, coded as the act itself
    speaker = claim.speaker
    return all(a.text.lower() in FIRST_PERSON or (speaker.name and a.name == speaker.name) or _own_side(a.text)
               for a in actors)


# What a speaker's possessive names as the speaker's own side ("his country would attack", "our forces").
OWNERS = {"his", "her", "their", "our", "my"}
SIDES = {"country", "government", "nation", "army", "military", "forces", "troops", "people", "state"}


def _own_side(text: str) -> bool:
    """ "his country", "their government": in a speaker's claim, the speaker's own side."""
    words = text.lower().split()
    return len(words) == 2 and words[0] in OWNERS and words[1] in SIDES


def head_word(text: str) -> str:
    """The last word before a preposition or clause ("top diplomats from the G7" -> "diplomats")."""
    head = ""
    for word in text.lower().split():
        if word in ("from", "of", "in", "at", "for", "with", "who", "which", "that", ","):
            break
        head = word.strip(",")
    return head
