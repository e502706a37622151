"""Corpus-wide resolution and the user alias file (pure functions, no spaCy)."""

import pytest

from graph.resolve import AliasError, NameStat, UserAliases, resolve


def actors(stats, acronyms=(), user=None):
    return {a.label: a for a in resolve([NameStat(*s) for s in stats], acronyms, user)}


def test_spelling_variants_merge():
    got = actors([("Kim Jong-un", "person", 3), ("Kim Jong Un", "person", 5),
                  ("KIM JONG UN", "person", 1), ("José Álvarez", "person", 1),
                  ("Jose Alvarez", "person", 2)])
    assert set(got) == {"Kim Jong Un", "Jose Alvarez"}
    assert got["Kim Jong Un"].mentions == 9
    assert set(got["Kim Jong Un"].names) == {"Kim Jong-un", "Kim Jong Un", "KIM JONG UN"}


def test_doubled_letter_transliterations_merge_but_feminine_forms_stay_apart():
    got = actors([("Volodymyr Zelenskyy", "person", 4), ("Volodymyr Zelensky", "person", 2),
                  ("Olena Zelenska", "person", 1), ("Muammar Gaddafi", "person", 1),
                  ("Muammar Gadafi", "person", 1), ("Anna Petrova", "person", 1),
                  ("Ivan Petrov", "person", 1)])
    assert got["Volodymyr Zelenskyy"].mentions == 6
    assert {"Olena Zelenska", "Anna Petrova", "Ivan Petrov"} <= set(got)
    assert len([label for label in got if label.startswith("Muammar")]) == 1


def test_organisation_short_forms_join_the_name_with_its_generic_tail():
    got = actors([("Yonhap News Agency", "organisation", 1), ("Yonhap", "organisation", 4),
                  ("Yonhap News", "organisation", 1), ("Wagner Group", "organisation", 2),
                  ("Wagner", "organisation", 3), ("Associated Press", "organisation", 1),
                  ("Kyodo", "organisation", 1), ("Kyodo News", "organisation", 1),
                  ("Richard Wagner", "person", 1)])
    assert got["Yonhap News Agency"].mentions == 6
    assert got["Wagner Group"].mentions == 5
    assert got["Kyodo News"].mentions == 2
    assert {"Associated Press", "Richard Wagner"} <= set(got)
    assert not {"Yonhap", "Wagner", "Kyodo", "Yonhap News"} & set(got)


def test_builtin_country_variants_and_demonyms():
    got = actors([("DPRK", "organisation", 2), ("North Korea", "place", 4),
                  ("North Korean", "group", 3), ("U.S.", "place", 2), ("US", "place", 1),
                  ("United States", "place", 1), ("Estonia", "place", 1),
                  ("U.N.", "organisation", 1), ("UN", "organisation", 1)])
    assert got["North Korea"].type == "country" and got["North Korea"].mentions == 9
    assert got["United States"].mentions == 4 and got["United States"].type == "country"
    assert got["Estonia"].type == "country"  # from pycountry, not the table
    assert got["United Nations"].type == "organisation"


@pytest.mark.parametrize("demonym,country", [
    ("Kenyan", "Kenya"), ("Swiss", "Switzerland"), ("Peruvian", "Peru"),
    ("Côte d'Ivoire", "Ivory Coast"), ("DRC", "Democratic Republic of the Congo"),
    ("Uzbek", "Uzbekistan"), ("Sri Lankan", "Sri Lanka")])
def test_demonyms_of_every_region_join_their_country(demonym, country):
    got = actors([(demonym, "group", 2), (country, "place", 1)])
    assert set(got) == {country}
    assert got[country].type == "country" and got[country].mentions == 3


def test_defined_acronyms_apply_across_articles():
    got = actors([("Korean Central News Agency", "organisation", 2), ("KCNA", "organisation", 3)],
                 acronyms=[("KCNA", "Korean Central News Agency")])
    assert set(got) == {"Korean Central News Agency"}


def test_lone_surname_joins_most_mentioned_matching_person():
    got = actors([("Kim Yo Jong", "person", 6), ("Kim Song Nam", "person", 1),
                  ("Kim", "person", 4), ("Scholz", "person", 2), ("Olaf Scholz", "person", 1)])
    assert got["Kim Yo Jong"].mentions == 10
    assert got["Kim Song Nam"].mentions == 1
    assert got["Olaf Scholz"].mentions == 3


def test_user_alias_file(tmp_path):
    f = tmp_path / "aliases.toml"
    f.write_text('ignore = ["Reuters"]\n[merge]\n"Wagner Group" = ["Wagner", "PMC Wagner"]\n'
                 '[rename]\n"IEA" = "International Energy Agency"\n'
                 '[type]\n"Wagner Group" = "organisation"\n')
    user = UserAliases.load(f)
    got = actors([("Wagner", "person", 2), ("PMC Wagner", "organisation", 1),
                  ("Reuters", "organisation", 5), ("IEA", "organisation", 1)], user=user)
    assert set(got) == {"Wagner Group", "International Energy Agency"}
    assert got["Wagner Group"].type == "organisation" and got["Wagner Group"].mentions == 3


@pytest.mark.parametrize("content,message", [
    ("[merge\n", "invalid TOML"),
    ('[colours]\n"a" = "b"\n', "unknown section"),
    ('[type]\n"Wagner" = "robot"\n', "is not one of"),
    ('[merge]\n"A" = "B"\n', "must be a list"),
])
def test_bad_alias_file_names_the_file(tmp_path, content, message):
    f = tmp_path / "aliases.toml"
    f.write_text(content)
    with pytest.raises(AliasError) as err:
        UserAliases.load(f)
    assert str(err.value).startswith(str(f)) and message in str(err.value)


def test_same_label_different_types_stay_unique():
    got = actors([("Georgia", "place", 3), ("Georgia Meloni", "person", 1)])
    assert len(got) == len(set(got))


def test_lone_person_tagged_city_becomes_a_place():
    got = actors([("Kyiv", "person", 2), ("Olaf Scholz", "person", 1)])
    assert got["Kyiv"].type == "place" and got["Olaf Scholz"].type == "person"


def test_middle_name_joins_across_articles():
    got = actors([("Luiz Inacio Lula da Silva", "person", 2), ("Lula", "person", 3)])
    assert set(got) == {"Luiz Inacio Lula da Silva"}
