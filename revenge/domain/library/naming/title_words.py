"""Words around and inside titles that are not release tags: banners (web sites,
broadcasters, genres), joining words and collection words. Kinds of words, never
titles of particular movies; compiled by `options`."""

from __future__ import annotations

from revenge.domain.library.naming.vocabulary import S1, S

# "(Comedy) Title", "(horror)Title": a genre in brackets before a title is not title.
GENRES = (
    r"comedy|horror|action|drama|thriller|documentary|documentaire|docu|doku|anime"
    r"|animation|animated|sci-?fi|science fiction|western|romance|crime|fantasy|family"
    r"|musical|music|war|mystery|adventure|biography|history|sports?|kids|cartoons?"
)

# Broadcasters and studios' banners before a title ("BBC.The.Hunt", "Netflix Originals -
# Title") or after it ("Title _ National Geographic"): kinds of channel, not titles.
NETWORKS = (
    r"bbc(?:" + S1 + r"(?:one|two|three|four|earth|america|worldwide|films|documentar(?:y|ies)))?"
    r"|itv\d?|pbs|hbo(?:" + S + r"max)?|netflix(?:" + S1 + r"originals?)?"
    r"|national" + S1 + r"geographic(?:" + S1 + r"wild)?|nat" + S + r"geo(?:" + S1 + r"wild)?"
    r"|discovery" + S1 + r"channel|history" + S1 + r"channel|channel" + S1 + r"[45]|nhk|zdf"
    r"|smithsonian" + S1 + r"channel|curiosity" + S1 + r"stream|amazon" + S1 + r"originals?"
    # Chinese broadcasters: "CCTV5+.2021.Snooker...", "HunanTV.Title"
    r"|cctv(?:\d{1,2}\+?)?(?:-?hd)?|cetv\d?"
    r"|(?:hunan|zhejiang|jiangsu|dragon|beijing|shenzhen)" + S + r"tv"
)

# words that name a box of films, in English or French (both lists below hold them)
_BOX_WORDS = r"collection|(?:duo|tri|quadri|penta|hexa|hepta|octa)log(?:y|ie)|coffret|box[ ._-]?set"

# after a year range, these say the name is a collection ("Saga 2000-2020 Collection",
# "Terminator.1984-2019.6.Film.Collection")
COLLECTION_WORDS = (
    _BOX_WORDS + r"|anthology|saga|complete|all[ ._-]movies|filmography|int[eé]grale"
    r"|\d{1,2}[ ._-]?(?:films?|movies)"
)

# A name's words that say it holds a whole series of films, not one, in English or
# French: "Taxi Collection (1998-2018)", "Trilogie Robocop", "Batman l'Integrale". Not
# "Saga" alone ("The Story of Fire Saga") nor "Complete" alone ("The Complete Works").
SERIES_WORDS = _BOX_WORDS + r"|(?:l')?int[eé]grale?|(?:la[ ._])?saga[ ._]compl[eè]te"

# A word that joins title words ends no title: "Bigger Longer and Uncut", "Get Him to the
# Greek". Articles join only languages ("The Good German"), not editions ("Scarface The
# Uncut Version" is Scarface's uncut version).
JOINING_WORDS = frozenset(
    ["and", "&", "+", "of", "to", "in", "for", "with", "at", "on", "by", "from", "or", "vs",
     "und", "et", "y", "e"]
)
ARTICLES = frozenset(["the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "il"])
# Before a language, "of the" in other tongues joins it to the title as an article does:
# "Dans les Griffes du Mandarin", "La Chute des Anglais", "Die Rache des Deutschen"
LANGUAGE_JOINERS = ARTICLES | frozenset(
    ["du", "des", "de", "del", "della", "dello", "von", "vom", "al", "au", "aux", "los", "las",
     "lo", "un", "une", "uno", "una", "ein", "eine", "einen"])
# A number after these, ending a name, is the title's: "The Legend of 1900", "Die Klasse
# von 1999" (not "des": "Un Coup de Dés 2024" is a film and its year)
YEAR_JOINERS = frozenset(["of", "von", "vom", "du", "del", "della"])

WEBSITE_TLDS = (
    r"com|org|net|info|tv|cc|io|ws|sbs|lat|pw|xyz|club|biz|tc|me|ru|nl|de|fr|lt|to|se|is|li"
    r"|ag|mx|nu|one|top|site|online|cam|link|co|uk|in|eu|su|ua|pl|es|it|cz|sk|hu|ro|gr|kr|jp"
    # more of the domains torrent sites move between: "Torrent9.ph -", "[Site.vip]"
    r"|ph|cx|gg|vip|re|ec|si|cd|pe|cm|la|nz|sx|tf|bz|ch|be|ca|us|fm|vc|ms|sh|ly|im|vn|tw|hk"
)
