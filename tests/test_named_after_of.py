"""An organisation named by the words after its head's "of" ("Scientology" / "Church of
Scientology") is that organisation across articles; invented names, negative cases guard a
place, a country, a person's family name and two candidates."""

from graph.resolution.actors import NameStat, resolve


def owner(stats):
    return {n: a.id for a in resolve([NameStat(*s) for s in stats]) for n in a.names}


ORG = "organisation"


def test_the_words_after_of_name_the_organisation():
    got = owner(
        [
            ("Church of Velarism", ORG, 2),
            ("Velarism", ORG, 3),
            ("House of Elders", ORG, 1),
            ("Elders", ORG, 1),
            ("Union of Tin Miners", ORG, 1),
            ("Tin Miners", ORG, 2),
        ]
    )
    assert got["Velarism"] == got["Church of Velarism"]
    assert got["Elders"] == got["House of Elders"]
    assert got["Tin Miners"] == got["Union of Tin Miners"]


def test_a_place_a_country_a_family_name_or_two_candidates_stay_apart():
    got = owner(
        [
            ("Bank of Ghana", ORG, 1),
            ("Ghana", "country", 3),
            ("University of Tamsk", ORG, 1),
            ("Tamsk", "place", 2),
            ("Foundation of Okonkwo", ORG, 1),
            ("Okonkwo", ORG, 1),
            ("Chinedu Okonkwo", "person", 2),
            ("Church of Ardent Light", ORG, 1),
            ("School of Ardent Light", ORG, 1),
            ("Ardent Light", ORG, 1),
        ]
    )
    assert got["Ghana"] != got["Bank of Ghana"]
    assert got["Tamsk"] != got["University of Tamsk"]
    assert got["Okonkwo"] != got["Foundation of Okonkwo"]
    assert got["Ardent Light"] not in (got["Church of Ardent Light"], got["School of Ardent Light"])
