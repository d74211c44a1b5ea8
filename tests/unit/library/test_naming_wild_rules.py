"""Rules for names from the wild (issue: recognition beyond our test suites), one table
row per rule; the names are made up, each rule's effect on real names is in the corpus
table (test_naming_corpus)."""

from __future__ import annotations

import pytest

from revenge.domain.library.naming import parse
from tests.unit.library.scan_world import World

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("name", "title", "year"), [
    # two titles in two scripts: the Latin one is the title
    ("Русское название / English Title (2010) 1080p.mkv", "English Title", 2010),
    ("中文片名 English Title 2010 1080p WEB-DL.mkv", "English Title", 2010),
    ("English Title 中文片名 (2010).mkv", "English Title", 2010),
    ("中文片名.Mrs Latin Title.2022.1080p.WEB-DL.mp4", "Mrs Latin Title", 2022),  # a dot between
    ("عنوان عربي The English Title 2010 720p", "The English Title", 2010),
    ("37°2 le matin (1986).mkv", "37°2 le matin", 1986),  # digits are no script
    ("Русское название (The English Title) 2010 BDRip.avi", "The English Title", 2010),
    ("中文片名 (Latin Title) (2010).mkv", "Latin Title", 2010),
    ("中文片名(USA).2010.mkv", "中文片名", 2010),  # release information in brackets is no name
    # beside a title in another script: a channel, or a group's short name after a dash
    ("中文片名 CCTV6-HD.ts", "中文片名", None),
    ("中文片名3 - GRP.mkv", "中文片名3", None),
    ("中文片名\uff0dGRP.mkv", "中文片名", None),  # a full-width dash
    ("中文片名 JFK 1991.mkv", "JFK", 1991),  # capitals alone are a name
    # Chinese title marks hold the title, after a list's number maybe
    ("36.《中文片名》1979.修复版.mkv", "中文片名", 1979),
    ("14、中文片名.mkv", "中文片名", None),
    # site banners and uploader prefixes, wherever they stand
    ("Uploader - Movie.Title.2025.1080p.WEB.h264-GRP", "Movie Title", 2025),
    ("Movie Title - 2010.1080p.BluRay.mkv", "Movie Title", 2010),  # a dotted tail of tags
    ("www.SomeSite.org - Movie Title 2010 720p", "Movie Title", 2010),
    ("[ www.Site.com ] Movie Title (2010).mkv", "Movie Title", 2010),
    ("ww.Site.sbs - Movie Title 2010 1080p", "Movie Title", 2010),
    ("site.to - Movie.Title.2010.720p.x264-GRP", "Movie Title", 2010),
    ("Site9.ph - Movie Title 2010 FRENCH HDRip", "Movie Title", 2010),
    ("(tracker.xn--p1ai) Movie.Title.2010.720p", "Movie Title", 2010),
    ("Movie.Title.www.site.com.2010.1080p.mkv", "Movie Title", 2010),
    ("Alibi.com (2017) French AC3 1080p.mkv", "Alibi com", 2017),  # a film named like a site
    ("Site.com 2 (2023).mkv", "Site.com 2", 2023),  # and its sequel: only a number follows
    ("站名电影www.site8.com.中文片名.HD.1080p.mkv", "中文片名", None),  # after its Chinese name
    # words our tags use, inside titles
    ("Bigger.Longer.and.Uncut.1999.1080p.BluRay", "Bigger Longer and Uncut", 1999),
    ("Get.Him.To.The.Greek.UNRATED.720p.BluRay", "Get Him To The Greek", None),
    ("8-Bit.Christmas.2021.2160p.WEB-DL", "8-Bit Christmas", 2021),
    ("The.Uncut.Version.2010.1080p", "The Uncut Version", 2010),
    ("Kill Bill Part 2 CD1.avi", "Kill Bill Part 2", None),
    ("[Movie Title 1998].avi", "Movie Title", 1998),
    ("[Grp] Saga You Are [Not] Alone [720p].mkv", "Saga You Are [Not] Alone", None),
    ("Movie Title [Madre] 2016 1080p", "Movie Title", 2016),  # release information follows
    ("Movie.Title.[Extended].2010.1080p", "Movie Title", 2010),  # a tag in brackets
    ("HDR.2019.1080p.WEB-DL", "HDR", 2019),
    ("The.DivX.Conspiracy.2010.DVDRip", "The DivX Conspiracy", 2010),
    ("The.Movie.Limited.2007.DVDRip.AC3-GRP", "The Movie Limited", 2007),  # a title's word
    ("Movie.Title.LIMITED.2007.DVDRip", "Movie Title", 2007),  # a tag as releases write it
    ("A.PPV.Night.2014.HDTV", "A PPV Night", 2014),
    ("The.Sample.2010.720p.BluRay", "The Sample", 2010),
    ("Pacific.Rim.3D.2013.BLURAY", "Pacific Rim", 2013),  # 3D before the year: a 3D release
    # a year written against the title's last word, release information after it
    ("Movie-It.Title2012.Bluray.1080p.x265-GRP.mkv", "Movie-It Title", 2012),
    ("Title1999.avi", "Title1999", None),  # nothing says the digits are a year
    ("Movie.2021CUSTOM.MULTi.1080p.WEB-DL.x264-GRP.mkv", "Movie", 2021),  # against a tag
    ("Movie 2019Hello.avi", "Movie 2019Hello", None),
    ("ABC2012.1080p.mkv", "ABC2012", None),  # capitals and digits: a code
    # leading years and numbers
    ("1994 - Movie Title.mkv", "Movie Title", 1994),
    ("2008 Movie Title 720p.mkv", "Movie Title", 2008),
    # a dated release: the date is the disc's or broadcast's, not the film's year
    ("(2012.12.21) Concert Title (flac)", "Concert Title", None),
    ("[2021-05-28] Concert Title [1080p]", "Concert Title", None),
    ("(2010.05.26)Movie Title 2.22-[1080p][JP.BD.Remux].mkv", "Movie Title 2.22", None),
    ("(1995) Movie Title.mkv", "Movie Title", 1995),  # a year alone is the film's
    ("2001 A Space Odyssey.mkv", "2001 A Space Odyssey", None),
    ("1917.1080p.BluRay", "1917", None),
    ("1917 (2019) 1080p.mkv", "1917", 2019),
    ("2012.2009.1080p.BluRay", "2012", 2009),
    ("50.50.2011.1080p.BluRay.x264", "50 50", 2011),
    ("Un.film.a.l'Ouest.2014.1080p", "Un film a l'Ouest", 2014),  # an elision, no "A.L."
    # year ranges, collections and local year suffixes
    ("Saga 2000 - 2020 1080p BluRay", "Saga", None),
    ("Saga.2000-2020.Collection.1080p", "Saga", None),
    ("Saga.1984-2019.6.Film.Collection.MULTi.1080p", "Saga", None),  # counted films
    ("Movie & Movie 2 (2008-2012) GRP", "Movie & Movie 2", None),  # a range in brackets
    ("Los Angeles 1982-1992 2017 HDTV", "Los Angeles 1982-1992", 2017),
    ("Русский фильм 2006\u0433. DVDRip", "Русский фильм", 2006),  # 2006 + Cyrillic "g"
    ("中文片名 2006年 1080p", "中文片名", 2006),
    ("中文片名1983.国语中字.mkv", "中文片名", 1983),  # no space between a CJK word and a year
    ("中文片名.1983版.1080p", "中文片名", 1983),
    ("中文片名BD国语中字.mp4", "中文片名", None),  # a tag written against a CJK word
    ("中文片名.HD1280超清国语中字.mp4", "中文片名", None),  # source and size in one word
    ("Movie.Title.2019.HD1080P.x264", "Movie Title", 2019),
    # a box of films is named by the films' title, in English or French
    ("Movie Collection (1998-2018) FRENCH [1080p] BluRay x264-GRP", "Movie", None),
    ("Trilogie Movie BluRay 1080p Multi x264", "Movie", None),
    ("Movie l'Integrale 1989-2012", "Movie", None),
    ("Un film français.Trilogie.1080p.MULTI.Bluray", "Un film français", None),
    ("Movie Title iNTEGRAL (1, 2 et 3) 1080p WEB-DL", "Movie Title", None),
    ("Movie.Title.QUADRILOGY.2012-2015.1080p.BluRay", "Movie Title", None),
    ("Movie La Saga Complete 2008-2012 MULTi VFF 1080p", "Movie", None),
    ("The Collection (2012).mkv", "The Collection", 2012),  # a film of that name
    ("Movie_And_Other_The_Collection_12DVD-GRP", "Movie And Other The Collection", None),
    ("The.Story.of.Fire.Saga.2020.1080p", "The Story of Fire Saga", 2020),  # "Saga" alone
    ("Movie 1,2,3", "Movie", None),  # a box numbered from one
    ("MOVIE 1-2-3 HD 720p BRRip x264-GRP", "MOVIE", None),
    ("1, 2, 3 (2010)", "1, 2, 3", 2010),
    # French release words
    ("Une question de vie_vff_Arte_2017.mp4", "Une question de vie", 2017),  # never a word
    ("Movie-E Multi-VF2 1080p BluRay x264-GRP.mkv", "Movie-E", None),  # not "e" (and)
    ("Movie Version longue non censurée", "Movie", None),
    ("Movie Multi-VF2 1080p BluRay x264.mkv", "Movie", None),
    ("Movie En-Fr 1080p x264.mkv", "Movie", None),
    ("Movie - Un sous-titre.VOSTF.2012.1080p.mkv", "Movie - Un sous-titre", 2012),
    ("Movie Title.vf.1985.1080p.mkv", "Movie Title", 1985),
    ("Movie.Title.VO+STFR.720p.BRrip.x264", "Movie Title", None),
    ("Movie.Extended.Director.s.Cut.1973.MULTI.720p", "Movie", 1973),
    ("The Movie Extended Ed. 2010 1080p BRRip", "The Movie", 2010),
    ("the.movie.limited.2007.french.720p.bluray", "the movie limited", 2007),  # by its place
    # leading or trailing junk
    ("UNRATED Movie Title 1999 1080p.mkv", "Movie Title", 1999),  # an edition in capitals
    ("UNCUT GEMS 2019 1080p.mkv", "UNCUT GEMS", 2019),  # all in capitals: a title
    ("Uncut Gems 2019 1080p.mkv", "Uncut Gems", 2019),
    ("DC League of Super-Pets 2022.mkv", "DC League of Super-Pets", 2022),
    ("(Comedy) Movie Title (2010) 720p", "Movie Title", 2010),
    ("BD-50_Movie_Title_1976_GRP", "Movie Title", 1976),  # a disc's size before the title
    ("(BDMV)Movie Title (2009) 1080p", "Movie Title", 2009),  # a disc's structure
    ("Movie.Title.2010.BD-25.AVC", "Movie Title", 2010),
    ("IMAX.-.Movie.Title.2013.2160p", "Movie Title", 2013),
    ("BBC.Movie.Title.2015.1080p.BluRay", "Movie Title", 2015),
    ("Netflix Originals - Movie Title (2017) 1080p", "Movie Title", 2017),
    ("Movie Title _ National Geographic.mkv", "Movie Title", None),
    ("BBC (2019) 1080p", "BBC", 2019),  # a network alone is the title
    ("Movie.Title.Final.Cut.1982.1080p", "Movie Title", 1982),
    ("The.Final.Cut.2004.1080p", "The Final Cut", 2004),
    ("Movie.Title.Final.2010.1080p.BluRay.x264-1920", "Movie Title Final", 2010),
    ("Movie.Title.1080p.BluRay.x264-1920", "Movie Title", None),
    ("Movie.Title.2010.10TH.ANNIVERSARY.1080p", "Movie Title", 2010),
    ("Movie.Title.HARDCODED.720p.WEB", "Movie Title", None),
    ("Movie Title 44-TRUEFRENCH-.avi", "Movie Title 44", None),  # never a title's word
    ("The.French.Connection.1971.DVDRip", "The French Connection", 1971),  # "French" may be one
    ("Movie.Title.The.Uncut.Version.2010.DVDRip", "Movie Title", 2010),
    ("Box.Set.The.Collection.12DVD-GRP", "Box Set The Collection", None),
    # pictographs and messenger channel handles before the title
    ("\U0001f0cf@some_channel\U0001f0cfMovie Title 2013 BluRay 720p", "Movie Title", 2013),
    ("\u2605 Movie Title 2001 DVDRip", "Movie Title", 2001),
    ("@Channel - Movie Title 1995 1080p", "Movie Title", 1995),
    ("Movie.Title.2013.720p.BluRay-@Channel", "Movie Title", 2013),
    ("Mail@Home.2010.DVDRip", "Mail@Home", 2010),  # an @ inside a title stays
    # an anime release's subtitle between tildes goes
    ("[Grp]_Movie_Title_~Sub_Title~_(2015)_[BD_1080p]", "Movie Title", 2015),
    # a name made only of bracket groups: the Latin-script title group is the title
    ("[\u67f3\u6797][Movie Title][BDMV][1080p][MOVIE][UK]", "Movie Title", None),
    ("[BDMV][Some Title][Vol.01-02]", "Some Title", None),
    ("[Grp][Title][1080p].mkv", "Title", None),  # the first one-word group is the release's
    ("[Grp][Movie Title (2010)][1080p].mkv", "Movie Title", 2010),
    ("[Grp][Movie 01-02 Fin][Title][x264]", "Title", None),
    ("[Title \u308b][Title Ru][HDTVrip]", "Title Ru", None),  # wholly Latin only
    ("[\u67f3][Title][BDMV][Season 3 Parts 1+2 Fin][USA]", "Title", None),
    # two names divided by a slash: the first is the title
    ("Movie Title / Other Title 2010 1080p", "Movie Title", 2010),
    ("Face/Off.1997.1080p", "Face/Off", 1997),
    # more than two script runs: the longest Latin run is the title
    ("No.33_\u6307\u73af\u738b3.The.Return.of.the.King.2003.1080p", "The Return of the King", 2003),
    ("Top138.\u82f1\u96c4\u672c\u8272.A.Better.Tomorrow.1986.1080p", "A Better Tomorrow", 1986),
    # a note in brackets between the two titles
    ("中文片名(4K修复版).Some.Title.1986.1080p", "Some Title", 1986),
    ("中文片名(修复版).1986.1080p", "中文片名", 1986),
    # Chinese release words end a title like the tags they are
    ("音乐之声.五十周年纪念版.1965.1080p", "音乐之声", 1965),
    ("七个世界.全7集.2019.1080p.中英字幕", "七个世界", 2019),
    # a Chinese broadcaster before the title; a Chinese title in brackets before tags
    ("CCTV1.Some.Show.Title.20211129.HDTV.1080i.H264-GRP.ts", "Some Show Title 20211129", None),
    ("HunanTV.Some.Title.2021.HDTV.1080i", "Some Title", 2021),
    ("CCTV5+.2021.Some.Show.Title.HDTV.1080i.H264-GRP.ts", "Some Show Title", 2021),
    ("CCTV6-HD.The.Movie.Title.1982.1080p.HDTV.x264-GRP.mkv", "The Movie Title", 1982),
    ("BBC.2019.1080p.WEB-DL", "BBC", 2019),  # no title words after the year: the title
    ("[\u6545\u5bab].\u516812\u96c6.2005.1080p.HDTV.H264-GRP", "\u6545\u5bab", 2005),
    ("[Grp].Movie.Title.2008.BluRay", "Movie Title", 2008),  # a Latin group is the release's
    ("[迪士尼]2015.恐龙当家.国语中字.BD", "恐龙当家", 2015),  # a CJK group, a year, the title
    ("[故宫].2005.1080p.HDTV", "故宫", 2005),  # only a year and tags follow the group
    # a bare channel count ends a title only before tags; "Complete Version" is an edition
    ("[Grp][Saga 3.0 You Can (Not) Redo][480P][V0].mp4", "Saga 3.0 You Can (Not) Redo", None),
    ("Movie Title 5.1 x264", "Movie Title", None),
    ("[Grp] Movie Title Complete Version (720p x264) [3ABD57E6].mp4", "Movie Title", None),
    # a season or an episode ending the name is no title word; one that starts it is
    ("[Grp]_Movie_Title_S2", "Movie Title", None),
    ("Movie.Title.S01E02.mkv", "Movie Title", None),
    ("S21.The.Khmer.Rouge.2003.DVDRip", "S21 The Khmer Rouge", 2003),
    ("S1m0ne.2002.1080p", "S1m0ne", 2002),
    # a disc's extras alone
    ("Movie.Title.Extras.Only.2022.1080p.Blu-Ray-GRP", "Movie Title", 2022),
    # a name in one case: a word that is a tag only in capitals counts where a tag follows
    ("the.movie.title.dc.german.1983.ac3.bdrip.xvid", "the movie title", 1983),
    ("movie.title.ts.xvid.ac3-grp", "movie title", None),
    ("THE.GIRL.IN.THE.SPIDERS.WEB.2018.2160P.BLURAY.X265-GRP", "THE GIRL IN THE SPIDERS WEB", 2018),
    ("PAPA.OU.MAMAN.2.2016.FRENCH.720P.BLURAY.X264-GRP", "PAPA OU MAMAN 2", 2016),
    ("THE.DARJEELING.LIMITED.2007.DVDRIP.AC3-GRP", "THE DARJEELING LIMITED", 2007),
    # a banner comes off before anything else: what follows starts the name
    ("www.Site.org - [Grp] Movie Title [1080p].mkv", "Movie Title", None),
    ("[ www.Site.com ] (1999) Movie Title.avi", "Movie Title", 1999),
    ("www.Site.org - [Grp][Movie Title][BDRIP][1280x720].mp4", "Movie Title", None),
    ("site.to - Sample-Movie.Title.2015.720p.mkv", "Movie Title", 2015),
    # "of the" in other tongues before a language joins it to the title
    ("Dans.les.Griffes.du.Mandarin.1986.1080p.BluRay.x264-GRP", "Dans les Griffes du Mandarin",
     1986),
    # a number between a title in another script and a Latin one starts the Latin one
    ("中文片名.12.Angry.Men.1957.1080p.BluRay.mkv", "12 Angry Men", 1957),
    ("Русское название (12 Angry Men) [1957, BDRip 1080p].mkv", "12 Angry Men", 1957),
    ("Русское название (A Complete Unknown) [2024, BDRip 1080p].mkv", "A Complete Unknown", 2024),
    ("中文片名3 The Third Film 2010.mkv", "The Third Film", 2010),  # a glued number stays
    # a film called by a number beside its name in another script
    ("Русское название / 1917 (2019) BDRip 1080p.mkv", "1917", 2019),
    ("U 571 / Русское название (2000) BDRip.mkv", "U 571", 2000),
    # "Part N" before the title's other name belongs to the title
    ("The Movie Part II / Русское название (1974) BDRip.mkv", "The Movie Part II", 1974),
    # hyphens alone between words are spaces
    ("Movie-Title-2010-1080p-BluRay-x264-GRP.mkv", "Movie Title", 2010),
    ("Movie-Title-480p-2001.mp4", "Movie Title", 2001),
    # "Part N" before a year past bracketed notes, or after a leading year, names the movie
    ("The Movie Part II {1974}.mkv", "The Movie Part II", 1974),
    ("The Movie Part II (Director's Cut) (1974).mkv", "The Movie Part II", 1974),
    ("1974 - The Movie Part II.avi", "The Movie Part II", 1974),
    # a year alone in brackets after the notes that end a title is the year
    ("Movie 2000 (Director's Cut) (1999).mkv", "Movie 2000", 1999),
    # a leading year is the year; a number ending the title is the title's
    ("2020 - Movie Title 1984.avi", "Movie Title 1984", 2020),
    ("2013 - movie.of.the.title.avi", "movie of the title", 2013),  # no uploader's name
    # a number after "of" ending the name is the title's; before release information, a year
    ("The Legend of 1900.avi", "The Legend of 1900", None),
    ("Making.Of.2024.FRENCH.1080p.WEB.H265-GRP", "Making Of", 2024),
    # a title in another script in brackets before a Latin title opening with a tag's word
    ("【中文片名】French Connection 1972 1080p.mkv", "French Connection", 1972),
    # dashes before the year are the title's; without a year, "Title - Alt - Credits"
    ("Movie - Title - Other Words (2011) (1080p BluRay x265 AAC 7.1 Grp).mkv",
     "Movie - Title - Other Words", 2011),
    ("The Movie - The Second One - Extended (2003).mkv", "The Movie - The Second One", 2003),
    ("Movie Title - Other Title - Actor Name Multi 1080p BluRay x264.avi", "Movie Title", None),
    ("Movie Title - The Second One - Version Longue - BDRip.mkv",
     "Movie Title - The Second One", None),  # a trailing dash is no third piece
    # years make a range only when they rise: else a title's number, then the year
    ("Movie 2000 - 1999.mkv", "Movie 2000", 1999),
    ("Movie 2016 - 2016.mkv", "Movie 2016", 2016),
    ("Movie Runner 2049 - 2017.mkv", "Movie Runner 2049", 2017),
    ("Saga 2000 - 2020 1080p.mkv", "Saga", None),  # a collection's years
    ("Making Of - 2024.mkv", "Making Of", 2024),  # a dash before the year: no "of 2024"
    # a library's sorting name: "Part N" before the moved article names the movie
    ("Godfather Part II, The (1974).mkv", "Godfather Part II, The", 1974),
    # a leading year: "Part N" before release information is the title's; the title may
    # open with a tag's word
    ("1974 - The Movie Part II 1080p BluRay.mkv", "The Movie Part II", 1974),
    ("(1974) The Movie Part II [1080p].mkv", "The Movie Part II", 1974),
    ("2011.The.Movie.Part.2.1080p.mkv", "The Movie Part 2", 2011),
    ("2019.Uncut.Movie.1080p.mkv", "Uncut Movie", 2019),
    ("1995.French.Movie.720p.BluRay.mkv", "French Movie", 1995),
    ("1917.1080p.BluRay.mkv", "1917", None),  # no title word after the number
    # a leading year before a dash or underscores, written tight (a library's saga order)
    ("1993- Movie Park.mkv", "Movie Park", 1993),
    ("2000__13_Movies.mp4", "13 Movies", 2000),
    ("1917 - 1080p.mkv", "1917", None),  # no title word after it: the number is the title
    # "Part" and a Roman numeral before any year is a sequel's title, not a file's part
    ("Back to the Movie Part II.mkv", "Back to the Movie Part II", None),
    ("MOVIE TITLE! PART III 1080p BluRay.mkv", "MOVIE TITLE! PART III", None),
    ("Movie.2010.Part.II.1080p.mkv", "Movie", 2010),  # after the year: the file's part
    # a bracket group with nothing but release information after it is the title
    ("[Uncut Movie][2019][1080p][BluRay].mkv", "Uncut Movie", 2019),
    ("[Us][2019][1080p].mkv", "Us", 2019),
    ("[Group] Movie Title [2019][1080p].mkv", "Movie Title", 2019),
    ("[Grp] [Other Grp] Movie Title [1080p][ABCD1234].mkv", "Movie Title", None),
    ("[Grp] 8-Bit.Movie.2021.1080p.WEB.H264-GRP.mkv", "8-Bit Movie", 2021),
    ("[Grp] (1972) Movie Title.avi", "Movie Title", 1972),
    # round brackets after a joining word go on with the title
    ("Movie or (The Unexpected Virtue of Words) (2014).mkv",
     "Movie or (The Unexpected Virtue of Words)", 2014),
    # a title wholly in brackets, its year inside, release information after it
    ("[Movie Title 1998] 1080p BluRay.mkv", "Movie Title", 1998),
    ("[Movie Title (1998)].avi", "Movie Title", 1998),
    ("{Movie Title 1998}.mkv", "Movie Title", 1998),
    ("[8-Bit Movie 2021] 1080p BluRay.mkv", "8-Bit Movie", 2021),  # opening with a tag's word
    # a "Collection" given one year is a film; a box spans years
    ("The Movie Collection 2020 2160p BluRay HEVC-GRP", "The Movie Collection", 2020),
    ("Movie Collection 1080p BluRay x264-GRP", "Movie", None),
    ("Trilogy of Movies (1975).mkv", "Trilogy of Movies", 1975),  # "of" makes it a title
])
def test_names_from_the_wild_give_title_and_year(name: str, title: str, year: int | None) -> None:
    parsed = parse(name)
    assert (parsed.title, parsed.year) == (title, year)


@pytest.mark.parametrize("name", ["[[Title (Group) [Note]]][BDMV][1080P].mkv",
                                  "[[Title [Note]]][1080P]"])
def test_punctuation_left_by_a_mangled_name_is_no_title(name: str) -> None:
    assert parse(name).title is None


def test_a_lower_case_scene_prefix_leaves_both_readings_to_the_matcher() -> None:
    assert parse("mhq-movie.2007.dc.1080p.x264.mkv").alternative_titles == (
        "mhq-movie", "movie")  # the group before a one-word title, or "ant-man"
    assert parse("week-end.movie.2012.720p.mkv").alternative_titles == (
        "end movie", "week-end movie")  # the group taken off, or the title's first word
    assert parse("Ant-Man.2015.1080p.mkv").alternative_titles == ()  # capitals: a title


def test_a_title_in_two_scripts_keeps_both_names() -> None:
    parsed = parse("Русское название / English Title (2010) 1080p.mkv")
    assert parsed.alternative_titles == ("English Title", "Русское название")


def test_a_latin_name_in_brackets_after_another_scripts_title_is_its_other_name() -> None:
    parsed = parse("Русское название (Latin Title) 2010 BDRip.avi")
    assert parsed.alternative_titles == ("Latin Title", "Русское название")


def test_a_note_in_square_brackets_is_no_part_of_the_other_scripts_name() -> None:
    parsed = parse("中文片名[国语配音+中文字幕].Some.Title.2019.1080p")
    assert parsed.alternative_titles == ("Some Title", "中文片名")


def test_the_dash_between_two_scripts_belongs_to_neither_name() -> None:
    parsed = parse("中文片名 - English Title 1984 480i.vob")
    assert parsed.alternative_titles == ("English Title", "中文片名")


async def test_a_scan_keeps_the_other_scripts_title_as_the_original_title() -> None:
    world = World()
    world.add("English Title (2010)/Русское название / English Title (2010).mkv".replace(
        " / ", " _ "))
    world.add("Other (2011)/中文片名 Other Film 2011 1080p.mkv")

    await world.scan()

    assert sorted((m.title, m.original_title) for m in world.movies()) == [
        ("English Title", "Русское название"), ("Other Film", "中文片名")]
