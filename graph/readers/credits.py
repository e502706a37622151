"""Credits in news text: bylines, "Reporting by …" / "Editing by …" lines, "A and B
contributed", photo captions' credits ("Photo: NAME/AGENCY", "(AP Photo/NAME)").

They name the article's authors, editors and photographers, never its actors, so
:func:`graph.readers.cleaning.clean_text` removes them before NLP wherever they stand: as a
paragraph
of their own, or after the last sentence of a paragraph. A credit is recognised by its shape: a
credit word ("reporting", "photo", "contributed"), then only names (capitalised words, name
particles, "and", commas, "in PLACE"), and nothing after them; a sentence that merely uses the
words ("Written by a committee, the report …") keeps its place.
"""

from __future__ import annotations

import re

__all__ = ["author_note", "byline", "strip_credits"]

# Capital letters (Latin, Greek, Cyrillic): ``re`` has no Unicode category classes, and names
# in credits are written in any of these alphabets ("Ngozi", "Ólafur", "Łukasz", "Ødegaard").
_U = "[" + "".join(re.escape(chr(c)) for c in range(0x530) if chr(c).isupper()) + "]"
_WORD = rf"{_U}[\w.'’-]*"
# Lower-case particles inside names ("Tomás de la Vega", "Khalid bin Saeed"), always followed
# by a capitalised word.
_PARTICLE = r"(?:de|da|di|do|dos|das|du|del|della|der|den|la|le|van|von|ter|ten|zu|al|el|bin" \
            r"|ibn|bint|ben|y|e)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_WORD})*"
_WHO = rf"{_NAME}(?:\s+(?:in|from|at)\s+{_NAME})?"  # "Liu Yang in Beijing"
_WHOS = rf"{_WHO}(?:(?:\s*,\s*{_WHO})*,?\s+(?:and|&)\s+{_WHO})?"
_WHOS_COMMA = rf"{_WHO}(?:\s*,\s*{_WHO})*(?:,?\s+(?:and|&)\s+{_WHO})?"
_ROLE = (r"(?i:(?:additional|further)\s+)?(?i:reporting|writing|editing|edited|written|compiled"
         r"|reported|produced|photography|photos?|photographs?|pictures|graphics|video|research"
         r"|translation|translated|fact-checking|illustrations?|story|text|words|interviews?"
         r"|design|data|maps?|animation|filming|camera)")
_CREDIT = rf"{_ROLE}\s+(?i:by)\s*:?\s+{_WHOS_COMMA}"
_BLOCK = rf"{_CREDIT}(?:\s*[;,.|]\s*(?:(?i:and)\s+)?{_CREDIT})*\.?"
# Photo and wire agencies that follow a photographer's name after a slash ("NAME/AFP").
_AGENCY = (r"(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|EPA-EFE|EFE|ANSA|dpa|Bloomberg"
           r"|Shutterstock|Alamy|Xinhua|XINHUA|Anadolu(?: Agency)?|AAP|PA(?: Media| Wire)?|Kyodo"
           r"|Yonhap|TASS|Sputnik|Sipa|SIPA|SOPA Images|NurPhoto|Zuma(?: Press)?|IANS|PTI|ANI"
           r"|Bernama|Antara|AA|Hindustan Times|The Associated Press|Associated Press"
           r"|Agence France-Presse|UPI|The Canadian Press|Canadian Press|Jiji(?: Press)?|NHK"
           r"|KCNA|IRNA|WAFA|WAM|SPA|Interfax|RIA Novosti|Ukrinform|Lusa|Belga|ANP|Keystone"
           r"|ABACA|Abaca|VCG|Imaginechina|China News Service|Prensa Latina|Notimex|Pool|Handout"
           r"|(?:Kyodo|Yonhap|Xinhua|Jiji|Bernama|Antara)(?: News)?(?: Agency)?)")
_PHOTO_WORD = (r"(?:[A-Z]{2,6}\s+)?(?i:file\s+)?(?i:photo|photograph|image|picture|credit"
               r"|courtesy)s?(?:\s+(?i:credits?))?")
_PHOTO = (rf"{_PHOTO_WORD}(?:\s*:\s*|\s+(?i:by|of)\s+|\s*/\s*){_WHOS_COMMA}"
          rf"(?:\s*/\s*{_WHOS_COMMA})*(?:\s+(?i:via|for)\s+{_WHOS_COMMA})?\.?")
_SLASHED = rf"{_WHOS_COMMA}\s*[/|]\s*{_AGENCY}(?:\s*[/|]\s*{_AGENCY}|\s+via\s+{_AGENCY})*\.?"
# The agency first, as Reuters and Xinhua write it: "REUTERS/NAME/File Photo", "(Xinhua/NAME)"
_AGENCY_FIRST = (rf"{_AGENCY}\s*/\s*{_WHOS_COMMA}"
                 r"(?:\s*/\s*(?i:file(?: photo)?|pool|handout|illustration))*\.?")
# A role and a colon: "Editor: NAME", "Reporters: A, B" (Xinhua, Yonhap, many portals)
_LABELLED = (r"(?i:(?:chief |executive |web |copy )?editors?|reporters?|writers?|authors?"
             r"|photographers?|correspondents?|translators?|producers?|contributors?)"
             rf"\s*:\s*{_WHOS_COMMA}\.?")
# "Kwame Mensah, Reuters" / "NAME | AFP" signed at the foot; "--With assistance from A and B."
_SIGNED = rf"{_WHOS_COMMA}\s*[,|]\s*{_AGENCY}\.?"
_ASSIST = rf"(?:[—–-]+\s*)?(?i:with assistance from)\s+{_WHOS_COMMA}\.?"
# Agency footers with no actor in them: "To contact the reporter on this story: …", "Our
# Standards: The Thomson Reuters Trust Principles.", an e-mail address alone.
_FOOTER = (r"(?i:to contact the (?:reporters?|editors?|authors?|writers?)\b[^\n]{0,300}"
           r"|our standards:[^\n]{0,100})|[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?")
# A wire's sign-off alone: "(Yonhap)", "(END)", "— AFP", "/TASS/"
_AGENCY_ONLY = re.compile(rf"[(\[]?\s*(?:[—–-]+\s*)?/?(?:{_AGENCY}|END)/?\s*[)\]]?\.?")
_CONTRIBUTED = (rf"(?:[—–-]+\s*)?{_WHOS_COMMA}\s+contributed(?:\s+(?:reporting|research|writing))?"
                rf"(?:\s+to\s+this\s+(?:report|story|article))?(?:\s+from\s+{_WHOS_COMMA})?\.?")
_WHOLE = re.compile(rf"[(\[]?\s*(?:{_BLOCK}|{_PHOTO}|{_SLASHED}|{_AGENCY_FIRST}|{_LABELLED}"
                    rf"|{_SIGNED}|{_ASSIST}|{_CONTRIBUTED}|{_FOOTER})\s*[)\]]?\.?")
# In brackets anything may follow the credit word: "(credit: modification of work by …)"
_BRACKETED = re.compile(rf"[(\[]\s*(?:{_PHOTO_WORD}(?:\s*:|\s+by\s|\s*/)[^()\[\]]{{1,150}}"
                        rf"|{_BLOCK})\s*[)\]]\.?")
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s+")
_CUES = ("by", "photo", "image", "picture", "credit", "courtesy", "contributed", "/", "|", ":",
         "@", "(end)", "assistance", ", ")

_BYLINE = re.compile(
    rf"(?:By|BY)\s+(?P<name>{_NAME}(?:(?:\s*,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME})?)"
    rf"(?:\s+in\s+{_NAME})?\s*"  # "By NAME in Seoul"
    rf"(?:\((?P<agency>[^)]{{2,60}})\)|[,|]\s*(?P<agency2>{_U}[\w .&-]{{1,60}}))?"
    r"(?:\s*[,|]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\.?")


def byline(para: str) -> str | None:
    """The author names if ``para`` is a byline ("By A and B (Agency)", "By A, B and C,
    Agency"), else ``None``."""
    if para[:3] not in ("By ", "BY ") or len(para) > 200:
        return None
    m = _BYLINE.fullmatch(para)
    return m.group("name") if m else None


def strip_credits(para: str, low: str) -> str:
    """``para`` without credits: ``""`` if it is one, else without a credit after its last
    sentence. ``low`` is ``para.lower()`` (computed once by the caller)."""
    if len(para) < 40 and _AGENCY_ONLY.fullmatch(para):
        return ""
    if not any(c in low for c in _CUES):
        return para
    if _WHOLE.fullmatch(para):
        return ""
    if para.endswith((")", "]", ").", "].")):
        at = max(para.rfind("("), para.rfind("["))
        if at >= 0 and _BRACKETED.fullmatch(para, at):
            return para[:at].rstrip()
    for m in _SENTENCE_END.finditer(para):
        if _WHOLE.fullmatch(para, m.end()) or (len(para) - m.end() < 40
                                                and _AGENCY_ONLY.fullmatch(para, m.end())):
            return para[:m.end()].rstrip()
    return para


# "Kwame Mensah is a senior correspondent for Example Wire based in Accra." at the foot of an
# article: a note on its author.
_AUTHOR_NOTE = re.compile(
    rf"{_WHOS}\s+(?:is|are)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,3}}(?i:reporters?"
    r"|correspondents?|writers?|editors?|journalists?|columnists?|contributors?|photographers?"
    r"|producers?|analysts?|fellows?)\s+(?:for|at|with|based|covering)\b[^.!?]{0,160}\.?")


def author_note(para: str) -> bool:
    """True if ``para`` is a note on the article's author(s) ("NAME is a correspondent for
    AGENCY based in CITY."): meant for the last paragraph, where such notes stand; a reporter
    named inside the story ("... is a reporter who was detained") is not looked at."""
    return len(para) <= 240 and bool(_AUTHOR_NOTE.fullmatch(para))
