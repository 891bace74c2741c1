"""Where a letter or a message is signed: the closing words and the name after them ("All my love,\nGranny June",
"Your old Grandad", "Love, Fi x"). Read by the narrator (a letter's "I" is its signer), aliases (no one is joined to
the signer by a name that merely fits) and relations (a chat message signed with a kin word).
"""
from __future__ import annotations

import re

from ..kin import KIN_NAMES, ROLES

# A letter's closing line, then the name it is signed with, at the very end of the text.
SIGNED = re.compile(
    r"^[ \t]*(?:with )?(?:all (?:my|our) |lots of |much |sending (?:my |our )?|(?:my|our|your) )?"
    r"(?:love|best wishes|best|warm(?:est)? (?:wishes|regards)|kind(?:est)? regards|regards|yours(?: truly| sincerely| faithfully| ever| always)?|"
    r"sincerely(?: yours)?|faithfully|fondly|affectionately|cheers|thanks|thank you|take care|hugs|ever yours|xx+|"
    r"(?:merry|happy) christmas|see you soon|"
    r"your(?: (?:loving|devoted|affectionate|fond|faithful|dear|dearest|own|ever-loving|obedient|humble|old|true))* ([a-z-]+))"
    # "Love from", "Love you lots", "Love and hugs", "Merry Christmas, and see you soon"
    r"(?:(?<=love|hugs)[ \t]+(?:from|and (?:hugs|kisses)|you(?:[ \t]+[a-z]+){0,7}))?"
    r"(?:,?[ \t]+(?:always|forever|ever|and more|and see you soon))*[ \t]*[,.!]?[ \t]*\r?\n\s*"
    # the name, and one who signs with them ("Grandad and Nana xx": the first is the one who writes)
    r"([A-Z][\w.'’-]*(?:[ \t]+(?![Xx]+\b|and\b)[A-Z][\w.'’-]*){0,3})(?:[ \t]+and[ \t]+(?-i:[A-Z])[\w.'’-]*(?:[ \t]+(?-i:[A-Z])[\w.'’-]*)?)?"
    r"[ \t]*[.,!]?(?:[ \t]+[Xx]+)?\s*\Z",
    re.I | re.M)
# Or "Love, Fi x" on one line (not "Thanks, Mel" nor "Take care, Dad": said to the reader; not "Love, your mam x"),
# the kisses left out.
SIGNED_LINE = re.compile(
    r"^[ \t]*(?:with |all (?:my|our) |lots of |much |sending (?:my |our )?)?love()[ \t]*,[ \t]*"
    r"((?-i:[A-Z])[\w.'’-]*(?:[ \t]+(?![Xx]+\b)(?-i:[A-Z])[\w.'’-]*){0,3})[ \t]*[.!]?(?:[ \t]+[Xx]+)?\s*\Z",
    re.I | re.M)


# Or a kin word the writer signs with, on the last line alone: "Your old Grandad", "Your loving Nan x".
SIGNED_KIN = re.compile(
    r"^[ \t]*your()(?:[ \t]+(?:loving|devoted|affectionate|fond|dear|dearest|own|old|ever-loving))*[ \t]+((?-i:[A-Z])[a-z-]+)"
    r"[ \t]*[.,!]?(?:[ \t]+[Xx]+)?\s*\Z", re.I | re.M)


def role_noun_word(word: str) -> bool:
    return word.lower().removesuffix("s") in ROLES or word.lower() in ROLES


# Or, in a letter that opens by greeting the one it is to ("Dear Bean,"), a kin word alone on its own last line after a
# blank one: "...\n\nDad x", "...\n\nMum".
SIGNED_ALONE = re.compile(r"\n[ \t]*\r?\n[ \t]*()((?-i:[A-Z])[a-z]+)[ \t]*[.!]?(?:[ \t]+[Xx]+)?\s*\Z")
LETTER_OPENS = re.compile(r"\s*(?:(?:my )?dear(?:est)?|hello|hi|hiya|hey)[ \t]+[^\n]{1,40},[ \t]*\r?\n", re.I)


# What may follow a letter's name: the date it was written on its own line ("3rd May 2021", "May 3, 2021", "03/05/21"),
# or a postscript ("P.S. Don't forget ...").
DATED = re.compile(r"\n[ \t]*(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+,?[ \t]+\d{4}|[A-Z][a-z]+[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}"
                   r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})[ \t]*\s*\Z")
POSTSCRIPT = re.compile(r"\n[ \t]*\r?\n[ \t]*P\.?[ \t]*S\.?(?![\w]).*\Z", re.S)


def signed(text: str) -> tuple[int, int] | None:
    """Where the name a letter is signed with is ("All my love,\nGranny June", "Your old Grandad"), if it is signed; a
    date or a postscript after the name is no part of it ("Love,\nMum\n\n3rd May 2021", "...\n\nP.S. ring me")."""
    text = DATED.sub("", POSTSCRIPT.sub("", DATED.sub("", text)))
    tail = text[-300:]
    m = SIGNED.search(tail) or SIGNED_LINE.search(tail) or (
        (k := SIGNED_KIN.search(tail)) and k.group(2).lower() in KIN_NAMES and k) or (
        LETTER_OPENS.match(text) and (k := SIGNED_ALONE.search(tail)) and k.group(2).lower() in KIN_NAMES and k)
    if not m or m.group(1) and not role_noun_word(m.group(1)) or len(m.group(2).strip(".")) < 2 or m.group(2).lower() in ("me", "us"):
        return None  # "Your loving mother,\nDorothy", not "your old house\nTom", nor an initial ("F x"), nor "Love,\nMe": the writer
    start = len(text) - len(tail) + m.start(2)
    end = start + len(m.group(2))
    if (said := re.match(r"(?:your|yours|my) +(?=[A-Z])", m.group(2))):
        start += said.end()  # "Love always,\nyour Ruthie x" is signed "Ruthie"
    return start, end


# Kisses and hearts after a name that ends a message: "... Nan xx".
KISSES = re.compile(r"\s*(?:x+|xo+|[\u2764\ufe0f\U0001f495-\U0001f49f\U0001f618\U0001f60d]+)?[\s.!]*$", re.I)
