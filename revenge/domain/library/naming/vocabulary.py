"""Release-tag vocabularies: regex fragments per category, compiled by `options`.

These are tables of *kinds of tags* found in release names (resolutions, sources,
codecs, languages, editions, ...), never titles of particular movies.  Fragments are
matched case-insensitively between non-alphanumeric boundaries; `(?-i:...)` marks
short tags that only count in capitals (`TS`, `DC`, `WEB`) because in lower case they
are ordinary words.  Inside a category, longer alternatives come first.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from revenge.domain.library.naming.result import ExtraType

S = r"[ ._-]?"  # an optional separator inside a multi-word tag
S1 = r"[ ._-]+"  # a required one

RESOLUTION = (
    r"\d{3,4}x\d{3,4}",
    r"(?:4320|2160|1440|1080|720|576|540|480|360|240)[pi](?:24|25|30|50|60)?",
    r"(?:4|8)k",
    r"ultra" + S + r"hd",
    r"[qf]?uhd",
    r"(?:2160|1080|720)",
)

SOURCE = (
    r"blue?" + S + r"ray(?:" + S + r"rip)?(?:" + S + r"mux)?",
    r"b[dr]" + S + r"(?:rip|remux)(?:" + S + r"mux)?",
    r"b[dr]mux",
    r"bd(?:" + S + r"(?:25|50|66|100|iso)|mv|5|9)?",  # "BD-50" (a disc's size), "BDMV", "BD-ISO"
    r"hd" + S + r"dvd(?:rip)?",
    r"web" + S + r"dl(?:" + S + r"rip)?",
    r"web" + S + r"(?:rip|hd|cap)",
    r"(?-i:WEB)",
    r"hd" + S + r"tv(?:rip)?",
    r"[ps]dtv",
    r"tv" + S + r"rip(?:hd)?",
    r"(?:dsr|dth|sat|ppv|vod|dm|wbb|hd)" + S + r"rip",
    r"dsr",
    r"ppv",
    r"vhs(?:" + S + r"rip)?",
    r"dvd" + S + r"(?:rip|r|5|9|scr|screener)",
    r"dvd(?:ivx)?",
    r"(?:desi)?scr(?:eener)?(?:" + S + r"rip)?",
    r"hd" + S + r"cam(?:" + S + r"rip)?",
    r"cam" + S + r"rip",
    r"(?-i:CAM)",
    r"hd" + S + r"t[sc]",
    r"tele" + S + r"(?:sync|cine)",
    r"(?-i:TS|TC)",
    r"r[56]",
    r"hdlight",
    r"m?hd",
)

HDR = (
    r"dolby" + S + r"vision",
    r"hdr(?:10(?:\+|plus)?)?",
    r"(?-i:DV|SDR|HLG|HFR|DoVi)",
    r"bt" + S + r"(?:2020|709)",
    r"\d{2,3}(?:\.\d{1,3})?" + S + r"fps",
    r"vr" + S + r"(?:180|360)",
)

CODEC = (
    r"[xh]" + S + r"26[2-5]",
    r"hevc(?:10)?",
    r"avc",
    r"xvid(?:hd)?",
    r"divx\d?",
    r"vc" + S + r"1",
    r"vp[89]",
    r"av1",
    r"mpe?g" + S + r"[24]",
    r"dxva",
)

# Bit depths end a title but never start one: "8-Bit Christmas" is a title.
BIT_DEPTH = (r"(?:8|10|12)" + S + r"bits?", r"hi10p?")

AUDIO = (
    r"dts" + S + r"hd(?:" + S + r"(?:ma|hra))?(?:" + S + r"\d\.\d)?",
    r"dts" + S + r"(?:x|es|ma)(?:\d\.\d)?",
    r"dts(?:hd(?:ma)?|es)?(?:\d\.\d)?",
    r"true" + S + r"hd",
    r"atmos(?:\d\.\d)?",
    r"e?ac" + S + r"3d?(?:" + S + r"\d\.\d)?",
    r"dd(?:p|\+)?" + S + r"\d[ ._]\d",
    r"dd" + S + r"ex",
    r"(?-i:DDP|DD\+|DD)",
    r"(?:he" + S + r")?aac(?:" + S + r"lc)?(?:v2)?(?:\d(?:[ .]\d)?)?",
    r"flac(?:x\d|\d\.\d)?",
    r"l?pcm",
    r"mp3",
    r"lame\d*",
    r"dolby(?:" + S + r"digital)?",
    r"dual" + S + r"audios?",
    r"multi" + S + r"audio",
    r"[1-8]" + S + r"ch",
    r"[1-7]\.[01]ch",
    r"\d+(?:\.\d+)?" + S + r"[km]bps",
)

# Strong tags never belong to a title: the title ends where the first one starts.
OTHER = (
    r"\d+(?:[.,]\d+)?" + S + r"(?:gi?b|mi?b)",
    r"mkv|mp4|avi|m4v|wmv",
    r"remux",
    r"repack\d?",
    r"rerip",
    r"(?:nfo|proof|dir|sample)" + S + r"fix",
    r"read" + S + r"nfo",
    r"sub" + S + r"forced",
    r"vostf?r?",  # original version, French subtitles: "VOSTFR", "VOSTF"
    r"vff|vfq|vfi|vf2",  # French dubs (of France, Quebec, both): never a title's word
    r"(?:true|swiss)(?:french|german)",  # never a word of a title, unlike "French"
    r"\d" + S + r"cds?",
    r"\d{1,2}x?dvd(?:5|9)?",  # a box of discs: "3xDVD9", "12DVD"
    r"(?:hd|bd|tc|dvd)(?:480|720|1080|1280|1920|2160)p?",  # "HD1080P", "BD1280": source and size
    r"\d?in1",
    r"v[1-9]",
    r"(?-i:HC|HDC|DL|LD|MD|PROOF)",
)

SAMPLE = (r"sample",)

# Tags that are also words ("Mr. Holland's Opus"): they describe a release but never
# end a title.
AUDIO_WORDS = (r"opus",)

THREE_D = (
    r"(?:half|full)" + S + r"(?:sbs|ou|tab)",
    r"[hf]?" + S + r"sbs",
    r"htab|mvc",
    r"(?-i:OU|HOU|H-OU|TAB)",
)

# Soft tags end a title only where nothing but tags, a year or brackets follow.
EDITION = (
    r"director(?:'?s|[ ._]s)?" + S + r"cut",  # "Director's Cut", "Director.s.Cut"
    r"dircut",
    r"extended(?:" + S + r"(?:cut|edition|ed\.?(?![a-z])|version))?",
    r"(?:ultimate|collector'?s?|special|deluxe|limited|anniversary|definitive|fan"
    r"|final|\d+(?:st|nd|rd|th))(?:" + S1 + r"(?:fan|collector'?s?|anniversary|extended))*"
    + S1 + r"(?:edition|collection|cut|version)",
    r"edition" + S1 + r"collector",
    r"\d+(?:st|nd|rd|th)" + S1 + r"anniversary",
    r"theatrical(?:" + S + r"(?:cut|edition|version))?",
    r"imax(?:" + S + r"edition)?",
    r"unrated(?:" + S + r"(?:cut|edition|version))?",
    r"(?:uncut|uncensored)(?:" + S + r"(?:cut|edition|version))?",
    r"(?:4k" + S + r")?remaster(?:ed)?",
    r"restored",
    r"criterion(?:" + S + r"(?:collection|edition))?",
    r"alternat(?:e|ive)(?:" + S1 + r"extended)?" + S1 + r"(?:cut|version|edition)",
    r"(?:international|integral|original|complete)" + S1 + r"(?:cut|version|edition)",
    r"version" + S1 + r"(?:longue|int[eé]grale)",
    r"non" + S1 + r"censur[eé]e",
    r"recut",
    r"open" + S + r"matte",
    r"fan" + S + r"edit",
    r"(?-i:DC|SE|OM)",
    # Chinese edition words: "4K修复版" (restored), "加长版" (extended), "五十周年纪念版"
    r"[\u4e00-\u9fff0-9A-Za-z]{0,8}版",
)

THREE_D_SOFT = (r"3d",)

# A bare channel count ends a title only where tags follow: "Movie 5.1 x264", not
# "Evangelion 1.0 You Are (Not) Alone".
CHANNELS = (r"[1-7]\.[01]",)

SOFT = (
    r"proper|internal|limited|complete|colou?rized|stv|docu|doku|upscaled?|oar",
    r"(?-i:REAL|FEST[Ii]VAL|RETAIL|CONVERT|HYBRID|UNTOUCHED|XXX)",
    r"ai" + S1 + r"upscale",
    r"extras" + S1 + r"only",  # a release of a disc's extras: "Title.Extras.Only.2022"
    # Chinese release words: "全12集" (all 12 episodes), "国英双语" (two languages),
    # "中英字幕" (subtitles), "双语中字", "简繁特效" (styled subtitles), "国配" (dubbed)
    r"全\d+集",
    r"[\u4e00-\u9fff]{0,6}(?:字幕|中字|双语|特效|国配|音轨)",
    r"multi" + S + r"subs?",
    r"hard" + S + r"(?:coded|subs?)",
    r"[a-z]{0,3}subs?",
    r"multi|dual|dub(?:bed)?|subbed|custom",
    r"pal|ntsc|secam",
    r"(?-i:HQ|HR|WS|FS|EUR)",
    r"(?-i:AMZN|NF|NFLX|DSNP|DSNY|HMAX|HULU|ATVP|PCOK|PMTP|iT|iP|RKTN|NFB|INA|MUBI|IFX)",
    r"(?-i:SPIK|SNET|HLMK|DDY|CSPN|CTV|STAN|CRAV|RUUTU|HoiChoi|Zee5|SonyLiv)",
)

# Languages end a title only where another tag or a bracket follows (not a year:
# "The Good German 2006", "Johnny English 2003").
LANGUAGE = (
    r"french|german",
    r"english|italian|spanish|castellano|latino|portuguese|brazilian|russian|ukrainian",
    r"japanese|chinese|mandarin|cantonese|korean|thai|vietnamese|indonesian|malay",
    r"hindi|tamil|telugu|malayalam|kannada|bengali|bangla|punjabi|urdu|marathi",
    r"dutch|flemish|swedish|norwegian|danish|finnish|nordic|icelandic|polish|czech",
    r"hungarian|romanian|turkish|greek|arabic|hebrew|persian",
    r"eng|ita|fre|fra|ger|deu|rus|spa|esp|jpn|kor|chi|hin|ukr|swe|fr",
    r"vof|vf|stfr",  # French dub, French subtitles
    # two languages: "En-Fr", "FR-EN", "VF2-ENG" (the second is found on its own)
    r"(?:en|fr|de|es|it)-(?:en|fr|de|es|it)(?![a-z])",
    r"(?-i:VO|VF|EN|PL|NL|PT|RU|JP|KR|QC|DAN|FIN|NOR|POL|TAM|TEL|MAL|KAN|POR)",
)

PART = (
    r"(?:cd|dvd|dis[ck]|part|pt)" + S + r"\d{1,2}(?:" + S + r"of" + S + r"\d{1,2})?",
    r"(?:cd|dvd|dis[ck])" + S + r"[a-d]",
    r"part" + S + r"(?:i{1,3}|iv|vi{0,3}|ix|x)",
)

# ordered: at one position the first category that matches wins
Categories = tuple[tuple[str, tuple[str, ...]], ...]
CATEGORIES: Categories = (
    ("resolution", RESOLUTION),
    ("hdr", HDR),
    ("source", SOURCE),
    ("part", PART),
    ("season", (r"s\d{1,2}(?:e\d{1,3})*(?=[\W_]*$)",)),  # ending a name: "Title_S2"
    ("codec", CODEC),
    ("bit_depth", BIT_DEPTH),
    ("audio", AUDIO),
    ("audio_word", AUDIO_WORDS),
    ("three_d", THREE_D),
    ("other", OTHER),
    ("sample", SAMPLE),
    ("edition", EDITION),
    ("three_d_soft", THREE_D_SOFT),
    ("channels", CHANNELS),
    ("language", LANGUAGE),
    ("soft", SOFT),
)

STRONG = frozenset({"part", "season", "resolution", "hdr", "source", "codec", "bit_depth",
                    "audio", "three_d", "sample", "other"})
NEVER_ENDS_TITLE = frozenset({"audio_word"})
LEADING_JUNK = frozenset({"resolution", "hdr", "source", "codec"})

VIDEO_EXTENSIONS = (
    "mkv mk3d mp4 m4v avi divx xvid mov qt wmv asf flv f4v webm ogm ogv mpg mpeg mpe m2v"
    " m2ts mts m2t ts tp trp vob iso img rm rmvb 3gp 3g2 dv dvr-ms wtv strm disc"
)
SIDE_EXTENSIONS = "srt sub idx ass ssa vtt sup nfo txt nzb torrent jpg jpeg png par2 sfv"

# a `.disc` stub names the disc type before it: "Brave (2006).bluray.disc"
STUB_TYPES = "bluray|blu-ray|dvd|hddvd|hd-dvd|vhs|hdtv|tv"

EXTRA_SUFFIXES: dict[str, ExtraType] = {
    "trailer": "trailer",
    "featurette": "featurette",
    "behindthescenes": "behind_the_scenes",
    "deleted": "deleted_scene",
    "deletedscene": "deleted_scene",
    "interview": "interview",
    "scene": "scene",
    "short": "short",
    "clip": "clip",
    "other": "other",
    "extra": "other",
}

# An extra named in words after the film's name and year, as Plex users write them:
# "Movie (2010) - Behind the Scenes.mkv" (a regex per kind).
TITLED_EXTRAS: dict[str, ExtraType] = {
    r"behind[ ._-]the[ ._-]scenes|making[ ._-]of": "behind_the_scenes",
    r"deleted[ ._-]scenes?": "deleted_scene",
    r"featurettes?": "featurette",
    r"interviews?": "interview",
    r"teasers?": "trailer",
}

# folder names as compared: case-folded, separators as single spaces
EXTRA_FOLDERS: dict[str, ExtraType] = {
    "trailers": "trailer",
    "trailer": "trailer",
    "featurettes": "featurette",
    "featurette": "featurette",
    "extras": "other",
    "extra": "other",
    "behind the scenes": "behind_the_scenes",
    "behindthescenes": "behind_the_scenes",
    "deleted scenes": "deleted_scene",
    "deletedscenes": "deleted_scene",
    "interviews": "interview",
    "scenes": "scene",
    "shorts": "short",
    "other": "other",
    "clips": "clip",
}
SAMPLE_FOLDERS = frozenset({"sample", "samples"})

# folders that say nothing about the movie inside them
_GENERIC_FOLDER_WORDS = (
    "movies movie films film videos video media library libraries downloads download"
    " complete completed finished incoming torrents torrent tmp temp share shared public"
    " server mnt data home users volumes storage nas test tests new unsorted"
    " utorrent qbittorrent transmission sabnzbd nzbget plex jellyfin emby kodi subs subtitles"
)
GENERIC_FOLDERS = frozenset(_GENERIC_FOLDER_WORDS.split()) | {
    "downloads finished",
    "my movies",
    "my videos",
}
# inside a disc's folder structure the file names are meaningless ("VTS_01_1.VOB")
DISC_FOLDERS = frozenset(
    {"video ts", "audio ts", "bdmv", "stream", "playlist", "clipinf", "backup", "certificate"}
)

# file names that say nothing about the movie: "movie.mkv", "VIDEO_TS.vob", "title_t00.mkv"
GENERIC_FILE_NAMES = r"movie|film|video|file|feature|main|title|index|stream|t\d+"
