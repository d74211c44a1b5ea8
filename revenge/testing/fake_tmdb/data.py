"""The fixture movies: real TMDb ids, titles, dates, collections and main credits.

Each row: (id, title, original title or None, release date, popularity, genre ids,
collection id or None, IMDb id, runtime, US certification, cast, directors), where cast
is ((person id, name, character), ...) and directors ((person id, name), ...).
"""

from __future__ import annotations

from typing import Any

GENRES = {28: "Action", 12: "Adventure", 16: "Animation", 35: "Comedy", 80: "Crime",
          18: "Drama", 14: "Fantasy", 27: "Horror", 9648: "Mystery", 10749: "Romance",
          878: "Science Fiction", 53: "Thriller", 10751: "Family"}

COLLECTIONS = {2344: "The Matrix Collection", 726871: "Dune Collection",
               263: "The Dark Knight Collection", 8091: "Alien Collection",
               264: "Back to the Future Collection", 230: "The Godfather Collection",
               10194: "Toy Story Collection", 422837: "Blade Runner Collection",
               10: "Star Wars Collection"}

KEANU, FISHBURNE = (6384, "Keanu Reeves"), (2975, "Laurence Fishburne")
MOSS = (530, "Carrie-Anne Moss")
WACHOWSKIS = ((9340, "Lana Wachowski"), (9339, "Lilly Wachowski"))
NOLAN, FINCHER = ((525, "Christopher Nolan"),), ((7467, "David Fincher"),)
SCOTT = ((578, "Ridley Scott"),)
VILLENEUVE, COPPOLA = ((137427, "Denis Villeneuve"),), ((1776, "Francis Ford Coppola"),)
ZEMECKIS = ((24, "Robert Zemeckis"),)
BALE, WEAVER, PACINO = (3894, "Christian Bale"), (10205, "Sigourney Weaver"), (1158, "Al Pacino")
HANKS, FORD, FOX = (31, "Tom Hanks"), (3, "Harrison Ford"), (521, "Michael J. Fox")
DE_NIRO, PITT, FREEMAN = (380, "Robert De Niro"), (287, "Brad Pitt"), (192, "Morgan Freeman")


def _c(person: tuple[int, str], character: str) -> tuple[int, str, str]:
    return (person[0], person[1], character)


MATRIX_CAST = (_c(KEANU, "Neo"), _c(FISHBURNE, "Morpheus"), _c(MOSS, "Trinity"),
               (1331, "Hugo Weaving", "Agent Smith"))
BTTF_CAST = (_c(FOX, "Marty McFly"), (1062, "Christopher Lloyd", "Dr. Emmett Brown"))
TOY_CAST = (_c(HANKS, "Woody (voice)"), (12898, "Tim Allen", "Buzz Lightyear (voice)"))
SW_CAST = ((2, "Mark Hamill", "Luke Skywalker"), _c(FORD, "Han Solo"),
           (4, "Carrie Fisher", "Princess Leia Organa"))

MOVIES: tuple[tuple[Any, ...], ...] = (
    (603, "The Matrix", None, "1999-03-30", 80.2, (28, 878), 2344, "tt0133093", 136, "R",
     MATRIX_CAST, WACHOWSKIS),
    (604, "The Matrix Reloaded", None, "2003-05-15", 40.1, (12, 28, 53, 878), 2344, "tt0234215",
     138, "R", MATRIX_CAST, WACHOWSKIS),
    (605, "The Matrix Revolutions", None, "2003-11-05", 35.3, (12, 28, 53, 878), 2344,
     "tt0242653", 129, "R", MATRIX_CAST, WACHOWSKIS),
    (624860, "The Matrix Resurrections", None, "2021-12-16", 50.0, (878, 28, 12), 2344,
     "tt10838180", 148, "R", (_c(KEANU, "Thomas Anderson / Neo"), _c(MOSS, "Tiffany / Trinity")),
     WACHOWSKIS[:1]),
    (900001, "The Matrix", None, "2012-01-01", 0.6, (99999,), None, None, 12, None,
     ((901, "Jan Novak", "Himself"),), ((902, "Petra Lind"),)),
    (1091, "The Thing", None, "1982-06-25", 35.6, (27, 9648, 878), None, "tt0084787", 109, "R",
     ((6856, "Kurt Russell", "MacReady"), (11767, "Wilford Brimley", "Blair")),
     ((11770, "John Carpenter"),)),
    (60935, "The Thing", None, "2011-10-12", 28.4, (27, 9648, 878), None, "tt0905372", 103, "R",
     ((17628, "Mary Elizabeth Winstead", "Kate Lloyd"), (33192, "Joel Edgerton", "Sam Carter")),
     ((70573, "Matthijs van Heijningen Jr."),)),
    (841, "Dune", None, "1984-12-14", 30.5, (28, 878, 12), None, "tt0087182", 137, "PG-13",
     ((6677, "Kyle MacLachlan", "Paul Atreides"), (7003, "Francesca Annis", "Lady Jessica")),
     ((5602, "David Lynch"),)),
    (438631, "Dune", None, "2021-09-15", 150.3, (878, 12), 726871, "tt1160419", 155, "PG-13",
     ((1190668, "Timothée Chalamet", "Paul Atreides"), (933238, "Rebecca Ferguson",
      "Lady Jessica"), (25072, "Oscar Isaac", "Duke Leto Atreides")), VILLENEUVE),
    (693134, "Dune: Part Two", None, "2024-02-27", 120.0, (878, 12), 726871, "tt15239678", 167,
     "PG-13", ((1190668, "Timothée Chalamet", "Paul Atreides"), (505710, "Zendaya", "Chani")),
     VILLENEUVE),
    (550, "Fight Club", None, "1999-10-15", 60.0, (18,), None, "tt0137523", 139, "R",
     (_c(PITT, "Tyler Durden"), (819, "Edward Norton", "The Narrator")), FINCHER),
    (27205, "Inception", None, "2010-07-15", 85.0, (28, 878, 12), None, "tt1375666", 148,
     "PG-13", ((6193, "Leonardo DiCaprio", "Cobb"), (24045, "Joseph Gordon-Levitt", "Arthur")),
     NOLAN),
    (157336, "Interstellar", None, "2014-11-05", 90.0, (12, 18, 878), None, "tt0816692", 169,
     "PG-13", ((10297, "Matthew McConaughey", "Cooper"), (1813, "Anne Hathaway", "Brand")), NOLAN),
    (272, "Batman Begins", None, "2005-06-10", 45.0, (28, 80, 18), 263, "tt0372784", 140, "PG-13",
     (_c(BALE, "Bruce Wayne / Batman"), (3895, "Michael Caine", "Alfred Pennyworth")), NOLAN),
    (155, "The Dark Knight", None, "2008-07-16", 95.0, (18, 28, 80, 53), 263, "tt0468569", 152,
     "PG-13", (_c(BALE, "Bruce Wayne / Batman"), (1810, "Heath Ledger", "Joker")), NOLAN),
    (49026, "The Dark Knight Rises", None, "2012-07-17", 55.0, (28, 80, 18, 53), 263,
     "tt1345836", 165, "PG-13", (_c(BALE, "Bruce Wayne / Batman"), (2524, "Tom Hardy", "Bane")),
     NOLAN),
    (348, "Alien", None, "1979-05-25", 50.0, (27, 878), 8091, "tt0078748", 117, "R",
     (_c(WEAVER, "Ellen Ripley"), (4139, "Tom Skerritt", "Dallas")), SCOTT),
    (679, "Aliens", None, "1986-07-18", 40.0, (28, 53, 878), 8091, "tt0090605", 137, "R",
     (_c(WEAVER, "Ellen Ripley"), (2712, "Michael Biehn", "Cpl. Dwayne Hicks")),
     ((2710, "James Cameron"),)),
    (8077, "Alien³", None, "1992-05-22", 25.0, (878, 28, 27), 8091, "tt0103644", 114, "R",
     (_c(WEAVER, "Ellen Ripley"), (17764, "Charles S. Dutton", "Dillon")), FINCHER),
    (105, "Back to the Future", None, "1985-07-03", 60.0, (12, 35, 878), 264, "tt0088763", 116,
     "PG", BTTF_CAST, ZEMECKIS),
    (165, "Back to the Future Part II", None, "1989-11-22", 40.0, (12, 35, 878), 264,
     "tt0096874", 108, "PG", BTTF_CAST, ZEMECKIS),
    (196, "Back to the Future Part III", None, "1990-05-25", 35.0, (12, 35, 878), 264,
     "tt0099088", 118, "PG", BTTF_CAST, ZEMECKIS),
    (238, "The Godfather", None, "1972-03-14", 100.0, (18, 80), 230, "tt0068646", 175, "R",
     ((3084, "Marlon Brando", "Don Vito Corleone"), _c(PACINO, "Michael Corleone")), COPPOLA),
    (240, "The Godfather Part II", None, "1974-12-20", 60.0, (18, 80), 230, "tt0071562", 202, "R",
     (_c(PACINO, "Don Michael Corleone"), _c(DE_NIRO, "Vito Corleone")), COPPOLA),
    (242, "The Godfather Part III", None, "1990-12-25", 30.0, (80, 18, 53), 230, "tt0099674",
     162, "R", (_c(PACINO, "Don Michael Corleone"), (1271, "Andy García", "Vincent Mancini")),
     COPPOLA),
    (680, "Pulp Fiction", None, "1994-09-10", 70.0, (53, 80), None, "tt0110912", 154, "R",
     ((8891, "John Travolta", "Vincent Vega"), (2231, "Samuel L. Jackson", "Jules Winnfield")),
     ((138, "Quentin Tarantino"),)),
    (13, "Forrest Gump", None, "1994-06-23", 65.0, (35, 18, 10749), None, "tt0109830", 142,
     "PG-13", (_c(HANKS, "Forrest Gump"), (32, "Robin Wright", "Jenny Curran")), ZEMECKIS),
    (194, "Amélie", "Le Fabuleux Destin d'Amélie Poulain", "2001-04-25", 30.0, (35, 10749), None,
     "tt0211915", 122, "R", ((3092, "Audrey Tautou", "Amélie Poulain"),
                            (2406, "Mathieu Kassovitz", "Nino Quincampoix")),
     ((2419, "Jean-Pierre Jeunet"),)),
    (129, "Spirited Away", "千と千尋の神隠し", "2001-07-20", 90.0, (16, 10751, 14), None,
     "tt0245429", 125, "PG", ((19587, "Rumi Hiiragi", "Chihiro Ogino (voice)"),
                             (19588, "Miyu Irino", "Haku (voice)")),
     ((608, "Hayao Miyazaki"),)),
    (101, "Léon: The Professional", "Léon", "1994-09-14", 40.0, (80, 18, 28), None, "tt0110413",
     111, "R", ((1003, "Jean Reno", "Léon"), (524, "Natalie Portman", "Mathilda")),
     ((59, "Luc Besson"),)),
    (496243, "Parasite", "기생충", "2019-05-30", 80.0, (35, 53, 18), None, "tt6751668", 133, "R",
     ((20738, "Song Kang-ho", "Kim Ki-taek"), (115290, "Lee Sun-kyun", "Park Dong-ik")),
     ((21684, "Bong Joon-ho"),)),
    (862, "Toy Story", None, "1995-11-22", 100.0, (16, 12, 10751, 35), 10194, "tt0114709", 81,
     "G", TOY_CAST, ((7879, "John Lasseter"),)),
    (863, "Toy Story 2", None, "1999-10-30", 60.0, (16, 35, 10751), 10194, "tt0120363", 92, "G",
     TOY_CAST, ((7879, "John Lasseter"),)),
    (10193, "Toy Story 3", None, "2010-06-16", 70.0, (16, 10751, 35), 10194, "tt0435761", 103,
     "G", TOY_CAST, ((8, "Lee Unkrich"),)),
    (78, "Blade Runner", None, "1982-06-25", 60.0, (878, 18, 53), 422837, "tt0083658", 117, "R",
     (_c(FORD, "Rick Deckard"), (585, "Rutger Hauer", "Roy Batty")), SCOTT),
    (335984, "Blade Runner 2049", None, "2017-10-04", 70.0, (878, 18), 422837, "tt1856101", 164,
     "R", ((30614, "Ryan Gosling", "K"), _c(FORD, "Rick Deckard")), VILLENEUVE),
    (11, "Star Wars", None, "1977-05-25", 80.0, (12, 28, 878), 10, "tt0076759", 121, "PG",
     SW_CAST, ((1, "George Lucas"),)),
    (1891, "The Empire Strikes Back", None, "1980-05-20", 50.0, (12, 28, 878), 10, "tt0080684",
     124, "PG", SW_CAST, ((10930, "Irvin Kershner"),)),
    (1892, "Return of the Jedi", None, "1983-05-25", 45.0, (12, 28, 878), 10, "tt0086190", 131,
     "PG", SW_CAST, ((19800, "Richard Marquand"),)),
    (593, "Solaris", "Солярис", "1972-03-20", 15.0, (18, 878, 9648), None, "tt0069293", 167,
     None, ((10512, "Donatas Banionis", "Kris Kelvin"),), ((8452, "Andrei Tarkovsky"),)),
    (2103, "Solaris", None, "2002-11-27", 14.0, (18, 878, 10749, 9648), None, "tt0307479", 99,
     "PG-13", ((1461, "George Clooney", "Chris Kelvin"),), ((1884, "Steven Soderbergh"),)),
    (278, "The Shawshank Redemption", None, "1994-09-23", 120.0, (18, 80), None, "tt0111161",
     142, "R", ((504, "Tim Robbins", "Andy Dufresne"), _c(FREEMAN, "Ellis Boyd 'Red' Redding")),
     ((4027, "Frank Darabont"),)),
    (807, "Se7en", None, "1995-09-22", 50.0, (80, 9648, 53), None, "tt0114369", 127, "R",
     (_c(PITT, "David Mills"), _c(FREEMAN, "William Somerset")), FINCHER),
    (77, "Memento", None, "2000-10-11", 30.0, (9648, 53), None, "tt0209144", 113, "R",
     ((529, "Guy Pearce", "Leonard Shelby"), _c(MOSS, "Natalie")), NOLAN),
    (949, "Heat", None, "1995-12-15", 45.0, (28, 80, 18, 53), None, "tt0113277", 170, "R",
     (_c(PACINO, "Lt. Vincent Hanna"), _c(DE_NIRO, "Neil McCauley")), ((638, "Michael Mann"),)),
    (98, "Gladiator", None, "2000-05-04", 70.0, (28, 18, 12), None, "tt0172495", 155, "R",
     ((934, "Russell Crowe", "Maximus"), (73421, "Joaquin Phoenix", "Commodus")), SCOTT),
    (329, "Jurassic Park", None, "1993-06-11", 60.0, (12, 878), None, "tt0107290", 127, "PG-13",
     ((4783, "Sam Neill", "Dr. Alan Grant"), (4784, "Laura Dern", "Dr. Ellie Sattler")),
     ((488, "Steven Spielberg"),)),
)

_ADJECTIVES = ("Silent", "Crimson", "Hollow", "Golden", "Broken", "Distant", "Frozen", "Hidden",
               "Burning", "Velvet", "Iron", "Pale", "Restless", "Wandering", "Savage", "Quiet")
_NOUNS = ("Harbor", "Orchard", "Meridian", "Lantern", "Frontier", "Cathedral", "Canyon",
          "Monsoon", "Archive", "Citadel", "Lighthouse", "Prairie", "Tundra", "Vineyard",
          "Reservoir", "Observatory")
_ENDINGS = ("", " Chronicles", " Affair", " Protocol", " Requiem", " Exodus", " Paradox",
            " Covenant")


def synthetic_rows(count: int) -> list[tuple[Any, ...]]:
    """`count` more movies with unique made-up titles (for benches: 1,000 files)."""
    rows = []
    for i in range(count):
        a, n, e = _ADJECTIVES[i % 16], _NOUNS[(i // 16) % 16], _ENDINGS[(i // 256) % 8]
        title = f"The {a} {n}{e}"
        year = 1950 + (i * 7) % 70
        cast = ((2_000_000 + i % 300, f"Actor {i % 300}", f"Role {i}"),)
        rows.append((1_000_000 + i, title, None, f"{year}-0{1 + i % 9}-1{i % 9}",
                     round(1 + (i * 37) % 90 / 3, 2), (18, 53), None, f"tt{9_000_000 + i}",
                     90 + i % 60, "PG-13", cast, ((3_000_000 + i % 50, f"Director {i % 50}"),)))
    return rows
