"""title-consistency finds one person given different titles within one source."""

import pytest

from articles.text.checks.base import ADVISORY, BLOCKING, CheckContext
from articles.text.checks.title_consistency import find_title_conflicts
from tests.text.checks.clean_copy import CLEAN_SOURCES, source


def _findings(*bodies):
    return list(find_title_conflicts(source(*bodies)))


def _later_findings(*bodies):
    """The findings on the last story (a conflict between two stories is on both;
    see test_a_conflict_between_two_stories_is_on_both)."""
    return [f for f in _findings(*bodies) if f.story == len(bodies) - 1]


def test_deputy_minister_and_minister_for_one_name_is_blocking():
    [finding] = _later_findings(
        "Deputy Foreign Minister Lena Ostrova arrived in Oslo on Monday.",
        "Foreign Minister Lena Ostrova said the talks had gone well.",
    )
    assert finding.severity == BLOCKING
    assert (finding.story, finding.related_lines) == (1, (1,))
    assert finding.quote == "Foreign Minister Lena Ostrova"
    assert "a different rank" in finding.message


def test_a_title_after_the_name_is_compared_with_one_before_it():
    [finding] = _later_findings(
        "Karl Brenner, Poland's interior minister, said the border would stay open.",
        "Polish Foreign Minister Karl Brenner visited Kyiv.",
    )
    assert finding.severity == BLOCKING and "a different office" in finding.message


def test_an_office_named_with_of_is_compared_by_its_portfolio():
    [finding] = _later_findings(
        "U.S. Secretary of State Dana Whitlow arrived in Cairo.",
        "Whitlow, the U.S. defense secretary, left on Friday.",
    )
    assert finding.severity == BLOCKING and "a different office" in finding.message


def test_the_same_office_of_two_countries_is_blocking():
    [finding] = _later_findings(
        "Iranian Foreign Minister Reza Tahmasbi met his hosts.",
        "Reza Tahmasbi, Iraq's foreign minister, thanked them.",
    )
    assert finding.severity == BLOCKING and "a different country" in finding.message


def test_the_same_office_of_two_organisations_is_found():
    [finding] = _later_findings(
        "Amir Rahimi, the Taliban's foreign minister said the group wanted trade.",
        "Russian Foreign Minister Amir Rahimi spoke next.",
    )
    assert finding.severity == ADVISORY
    assert "a different organisation" in finding.message


def test_a_near_variant_of_a_formal_title_is_advisory():
    [finding] = _later_findings(
        "Jane Doe, Chargé d'Affaires of the Canadian Embassy for Sudan, spoke first.",
        "Jane Doe, Chargé d'Affaires of the Canadian Embassy in Khartoum, left early.",
    )
    assert finding.severity == ADVISORY
    assert (
        finding.quote
        == "Jane Doe, Chargé d'Affaires of the Canadian Embassy in Khartoum"
    )
    assert "a variant of the title" in finding.message


def test_an_office_called_current_and_former_is_advisory():
    [finding] = _later_findings(
        "President Ivo Marten opened the bridge.",
        "Former President Ivo Marten attended.",
    )
    assert finding.severity == ADVISORY and "former" in finding.message


def test_a_dropped_acting_is_advisory():
    [finding] = _later_findings(
        "Acting Prime Minister Rui Sal met the unions.",
        "Prime Minister Rui Sal said the strike was over.",
    )
    assert finding.severity == ADVISORY and "a different rank" in finding.message


def test_a_surname_with_a_title_is_the_person_of_that_surname():
    [finding] = _later_findings(
        "Deputy Prime Minister Omar Haddad opened the session.",
        "Later, Prime Minister Haddad closed it.",
    )
    assert finding.related_lines == (1,)


def test_a_surname_shared_by_two_people_is_not_attributed():
    assert (
        _findings(
            "Deputy Prime Minister Omar Haddad and Health Minister Lina Haddad met.",
            "Prime Minister Haddad closed the session.",
        )
        == []
    )


@pytest.mark.parametrize(
    "bodies",
    [
        # the same role, written three ways, and a bare title with no name
        (
            "Russian Foreign Minister Sergei Volkov arrived on Monday.",
            "The Russian Foreign Minister said the talks were useful. Volkov, Russia's "
            "foreign minister, left on Tuesday.",
        ),
        # one office written two ways
        (
            "Minister of Foreign Affairs Ana Duarte spoke.",
            "Ana Duarte, the foreign minister, agreed.",
        ),
        # a title that is only less specific
        (
            "Minister Ana Duarte spoke.",
            "Ana Duarte, the country's education minister, agreed.",
        ),
        (
            "Special Envoy Tom Reade resigned.",
            "Tom Reade, the US special envoy for Sudan, stepped down this week.",
        ),
        # two different jobs held at once, or one after the other
        ("General Ivo Brandt, the commander of the northern forces, spoke.",),
        (
            "President Joe Banner signed the bill.",
            "Banner, the former vice-president, had opposed it in 2015.",
        ),
        # lower-case description varied on purpose
        (
            "The head of Germany's intelligence agency, Petra Lang, spoke on Monday.",
            "Petra Lang, the head of Germany's federal intelligence service said more.",
        ),
        # a headline in title case is not prose
        ("Deputy Minister Rafael Soto Resigns As Minister Rafael Soto Takes Over",),
    ],
)
def test_consistent_or_compatible_titles_are_fine(bodies):
    assert _findings(*bodies) == []


def test_fingerprint_survives_edits_elsewhere():
    bodies = (
        "Deputy Foreign Minister Lena Ostrova arrived in Oslo on Monday.",
        "Foreign Minister Lena Ostrova said the talks had gone well.",
    )
    [before] = _later_findings(*bodies)
    [after] = _later_findings(
        "A new lede.\n\n" + bodies[0], bodies[1] + "\n\nMore copy here."
    )
    assert before.fingerprint == after.fingerprint


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_title_conflicts(name):
    assert list(find_title_conflicts(CLEAN_SOURCES[name])) == []


# From reading the checks (issue 12): each of these once gave no finding.


def test_a_us_envoy_and_a_uk_envoy_of_one_name_is_blocking():
    [finding] = _later_findings(
        "US envoy Tom Barrow met the council on Monday.",
        "UK envoy Tom Barrow met the council on Monday.",
    )
    assert finding.severity == BLOCKING and "a different country" in finding.message


def test_president_and_vice_president_of_one_name_is_blocking():
    [finding] = _later_findings(
        "President Joan Mirel opened the session.",
        "Vice-President Joan Mirel opened the session.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_name_variant_the_registry_knows_is_the_same_person():
    # a short form the check's own table does not give (it reads "Bob" as "Robert")
    stories = source(
        "Foreign Minister Aleksander Lavin spoke first.",
        "Deputy Foreign Minister Olek Lavin spoke first.",
    )
    assert list(find_title_conflicts(stories)) == []
    context = CheckContext(aliases={"Olek Lavin": "Aleksander Lavin"})
    [_, finding] = find_title_conflicts(stories, context)
    assert finding.severity == BLOCKING
    assert finding.message.startswith("Aleksander Lavin is “Deputy Foreign Minister”")


@pytest.mark.parametrize(
    "second",
    [
        "Deputy Foreign Minister Sergei Lavin spoke first.",
        "Deputy Foreign Minister Serhiy Lavin spoke first. Lavin left at noon.",
        "Deputy Foreign Minister Sergej Lawin spoke first.",
    ],
)
def test_a_name_in_another_transliteration_is_the_same_person(second):
    [_, finding] = find_title_conflicts(
        source("Foreign Minister Sergey Lavin spoke first.", second)
    )
    assert finding.severity == BLOCKING
    assert finding.message.startswith("Sergey Lavin is “Deputy Foreign Minister”")


def test_names_that_differ_in_more_than_transliteration_are_two_people():
    assert (
        _findings(
            "Foreign Minister Ivan Lavin spoke first.",
            "Deputy Foreign Minister Ivana Lavina spoke first.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Anna Kolb, the deputy minister, said the plan was ready.",
            "Minister Anna Kolb said the plan was ready.",
        ),
        (
            "Deputy health minister Anna Kolb said the plan was ready.",
            "Anna Kolb, the health minister, said the plan was ready.",
        ),
        (
            "Chief Prosecutor Ilse Varga filed the papers.",
            "Ilse Varga, deputy chief prosecutor, filed the papers.",
        ),
    ],
)
def test_appositions_either_side_of_the_name_are_compared(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


def test_a_compound_office_is_not_a_general():
    assert (
        _findings(
            "UN Secretary-General Ama Boateng arrived in Geneva.",
            "General Ama Boateng's visit was short, officials said.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Prime Minister Hanna Ek spoke.", "President Hanna Ek spoke."),
        ("Judge Oren Tal ruled.", "Prosecutor Oren Tal ruled."),
        ("Colonel Ibra Sow arrived.", "General Ibra Sow arrived."),
        ("Major Ibra Sow arrived.", "Major General Ibra Sow arrived."),
    ],
)
def test_two_offices_nobody_holds_together_are_blocking(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "a different office" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Chair Rita Mols opened the meeting.", "Chairwoman Rita Mols closed it."),
        ("Premier Li Wen spoke.", "Prime Minister Li Wen spoke again."),
        ("Spokesman Ali Noor said no.", "Party leader Ali Noor said no."),
    ],
)
def test_one_office_under_two_names_or_two_offices_held_together_are_fine(
    first, second
):
    assert _findings(first, second) == []


def test_a_conflict_between_two_stories_is_on_both():
    paragraphs = source(
        "The draw was a fair result, said head coach Dani Lusk.",
        "Assistant coach Dani Lusk was sent to the stands.",
    )
    first, second = find_title_conflicts(paragraphs)
    assert (first.story, first.quote) == (0, "head coach Dani Lusk")
    assert (second.story, second.quote) == (1, "Assistant coach Dani Lusk")
    assert first.related == ((1, paragraphs[1].start, paragraphs[1].end),)
    assert second.related == ((0, paragraphs[0].start, paragraphs[0].end),)
    assert "“Assistant coach” in story 2 (line 1) of this source" in first.message
    assert {first.severity, second.severity} == {BLOCKING}


def test_a_conflict_within_one_story_is_on_the_later_mention():
    [finding] = _findings(
        "Deputy Mayor Ora Fenn opened the fair.\n\nMayor Ora Fenn closed it."
    )
    assert finding.quote == "Mayor Ora Fenn" and "line 1" in finding.message
    assert finding.related == ()


@pytest.mark.parametrize(
    "second",
    [
        "Chief executive Omar Vale said the club would appeal.",
        "Omar Vale, the club's treasurer, said the club would appeal.",
        "Managing director Omar Vale said the club would appeal.",
    ],
)
def test_two_officers_of_one_body_for_one_name_are_blocking(second):
    [finding] = _later_findings(
        "The club's chairman, Omar Vale, said the fine was unfair.", second
    )
    assert finding.severity == BLOCKING


def test_officers_the_copy_says_one_person_holds_together_are_fine():
    assert (
        _findings(
            "Omar Vale, the club's chairman and chief executive, spoke first.",
            "Chairman Omar Vale said the fine was unfair.",
            "Chief executive Omar Vale said the club would appeal.",
        )
        == []
    )


def test_an_organisation_written_shorter_is_the_same_one():
    assert (
        _findings(
            "Union leader Mira Holt called the strike off.",
            "Mira Holt, the leader of the Rotterdam pilots' union, said talks resume.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Bürgermeister Jens Kohl opened the bridge.", "Deputy mayor Jens Kohl spoke."),
        (
            "Ministre Claire Dubois arrived.",
            "Claire Dubois, the deputy minister, spoke.",
        ),
        ("Alcaldesa Rosa Gil opened the park.", "Governor Rosa Gil spoke."),
        ("Prefeita Rosa Gil opened the park.", "Gobernadora Rosa Gil spoke."),
    ],
)
def test_a_title_in_another_language_is_read_as_its_office(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Council leader Iris Brant spoke.", "Deputy council leader Iris Brant spoke."),
        ("Senior Partner Otto Lenz spoke.", "Junior partner Otto Lenz spoke."),
    ],
)
def test_a_rank_before_a_lower_case_body_or_a_partner_is_compared(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


# From an independent round of multi-paragraph cases (issue 12): kinds of copy the
# check once read no title in, or read the title without the part that differs.


def test_an_honorific_between_the_title_and_the_name_keeps_the_title():
    [finding] = _later_findings(
        "The Kenyan ambassador to Peru, Sir Tobias Renn, opened the school.",
        "Speaking in Lima, the Kenyan ambassador to Chile, Tobias Renn, said more.",
    )
    assert finding.severity == BLOCKING and "a different country" in finding.message


def test_a_posting_told_two_ways_or_left_out_is_fine():
    assert (
        _findings(
            "The Kenyan ambassador to Peru, Sir Tobias Renn, opened the school.",
            "Tobias Renn, Kenya's ambassador, said the school would open in May.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Saxony's culture minister, Lotte Brandis, opened the festival.",
            "Staatssekretärin Lotte Brandis said the festival would return.",
        ),
        (
            "Ministerin Lotte Brandis opened the festival.",
            "Lotte Brandis, the deputy minister, said the festival would return.",
        ),
    ],
)
def test_a_german_title_in_either_gender_is_read_as_its_office(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_feminine_german_title_and_its_english_office_are_one():
    assert (
        _findings(
            "Bürgermeisterin Hanne Lutz opened the bridge.",
            "The mayor, Hanne Lutz, said it had cost less than planned.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Saxony's digital minister, Pia Ferch, said the network was ready.",
            "Deputy minister Pia Ferch said the network was ready.",
        ),
        (
            "The lecturers' union branch secretary, Pia Ferch, called a ballot.",
            "Pia Ferch, the union's assistant branch secretary, called a ballot.",
        ),
    ],
)
def test_a_lower_case_portfolio_inside_a_title_does_not_hide_it(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_verb_before_a_capitalised_title_is_not_part_of_a_title():
    assert (
        _findings(
            "Peru's trade minister, Dario Velez, met Foreign Minister Ana Sol on "
            "Monday."
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The museum's director, Ines Kallo, said the loan was agreed.",
            "Kallo, the museum's chief curator, said the loan was agreed.",
        ),
        (
            "The council's chief planning officer, Rob Tench, backed the plan.",
            "Rob Tench, the council's head of transport, backed the plan.",
        ),
        (
            "Erin Vale will leave after four years as director of football.",
            "Harbury Town's head coach, Erin Vale, said she would stay.",
        ),
    ],
)
def test_two_posts_on_one_bodys_staff_for_one_name_are_blocking(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "two posts in one body" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the head of a body, under two of its names
        (
            "The school's principal, Ines Kallo, welcomed the inspectors.",
            "Ines Kallo, head of the school, said the report was fair.",
        ),
        # one of several directors
        (
            "Ines Kallo, a director of the trust, signed the lease.",
            "The trust's treasurer, Ines Kallo, said the rent was fair.",
        ),
        # two posts the copy says one person holds
        (
            "Ines Kallo, the gallery's director and chief curator, chose the works.",
            "The gallery's director, Ines Kallo, said the works would tour.",
        ),
        # posts of two bodies
        (
            "Ines Kallo, director of the Orla Museum, lent the map.",
            "Ines Kallo, curator of the Brix Gallery, hung it.",
        ),
        # a kind of work, not a post of the body
        (
            "The film was made by director Ines Kallo in Porto.",
            "Ines Kallo, the festival's guest curator, chose the films.",
        ),
        # a post held before
        (
            "The museum's former director, Ines Kallo, opened the wing.",
            "Ines Kallo, the museum's chief curator, said the wing was full.",
        ),
    ],
)
def test_posts_of_one_person_the_copy_allows_are_fine(first, second):
    assert _findings(first, second) == []


def test_one_office_in_two_organisations_named_in_full_is_blocking():
    [finding] = _later_findings(
        "Professor Amit Rao, principal of Ashgrove College, backed the merger.",
        "Amit Rao, the principal of Fernlea College, said no decision was taken.",
    )
    assert finding.severity == BLOCKING
    assert "a different organisation" in finding.message


def test_an_organisation_named_in_full_two_ways_is_one():
    assert (
        _findings(
            "The leader of Tarnby Council, Ana Mott, set the budget.",
            "Ana Mott, the leader of Tarnby Borough Council, said it was fair.",
        )
        == []
    )


def test_an_acting_chief_constable_and_the_chief_constable_is_advisory():
    [finding] = _later_findings(
        "The acting chief constable of Wessex, Ruth Amel, apologised.",
        "Chief Constable Ruth Amel said the unit would review phones.",
    )
    assert finding.severity == ADVISORY


@pytest.mark.parametrize(
    "first",
    [
        "Councillor Omar Reyes, who has led the council since 2019, will retire.",
        "Omar Reyes, who leads the council, will retire in May.",
    ],
)
def test_an_office_told_by_a_verb_is_compared(first):
    [finding] = _later_findings(
        first, "Deputy council leader Omar Reyes said parking would stay free."
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


@pytest.mark.parametrize(
    "first",
    [
        # an office held before, told by a verb or by "as"
        "Omar Reyes, who led the council until 2019, backed the plan.",
        "Omar Reyes, who stepped down as council leader in May, backed the plan.",
        # a verb that names no office of a body
        "Omar Reyes, who leads a busy life, backed the plan.",
        # "as" that does not give an office
        "Omar Reyes arrived as the leader of the council left the hall.",
    ],
)
def test_a_clause_that_gives_no_current_office_is_fine(first):
    assert (
        _findings(first, "Deputy council leader Omar Reyes said parking would stay.")
        == []
    )


def test_an_office_told_after_as_is_compared():
    [finding] = _later_findings(
        "Lise Marr has served as deputy harbour master since 2021.",
        "Harbour master Lise Marr said the quay would reopen.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # an office told after "as" that the sentence moves on from
        (
            "Nia Ford joined the club as assistant coach in 2015 and became head "
            "coach two years later.",
            "Head coach Nia Ford said the squad was fit.",
        ),
        # an office held before, said in lower case
        (
            "Nia Ford, formerly deputy minister, opened the fair.",
            "Minister Nia Ford said the fair would return.",
        ),
        # one of several professors, at two universities
        (
            "Nia Ford, a professor at Tarnby University, led the study.",
            "Nia Ford, a visiting professor at Orrin University, said more.",
        ),
        # offices in two bodies of different kinds
        (
            "Nia Ford, the leader of Tarnby Council, set the budget.",
            "Nia Ford, deputy leader of the Labour group, backed it.",
        ),
        # the head of a charity under two of its names
        (
            "The trust's chief executive, Nia Ford, signed the lease.",
            "Nia Ford, the trust's director, said the rent was fair.",
        ),
    ],
)
def test_titles_of_other_times_bodies_or_names_of_one_post_are_fine(first, second):
    assert _findings(first, second) == []


def test_names_alike_within_one_story_are_two_people():
    assert (
        _findings(
            "Mayor Lena Berg opened the fair.\n\nDeputy Mayor Lena Borg closed it."
        )
        == []
    )


@pytest.mark.parametrize(
    "first",
    [
        "Lord Mayor of Tarnby Ana Vell opened the market.",
        "The Lord Mayor, Ana Vell, opened the market.",
    ],
)
def test_an_honorific_or_a_place_inside_a_title_is_part_of_it(first):
    [finding] = _later_findings(
        first, "Deputy Lord Mayor Ana Vell said the rents would be reviewed."
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message
    assert finding.message.startswith("Ana Vell is")


def test_a_post_of_a_body_named_through_a_possessive_is_compared():
    [finding] = _later_findings(
        "Ivo Sart, the coach of Harbury's women's team, signed a new contract.",
        "The team's sporting director, Ivo Sart, said the squad would grow.",
    )
    assert finding.severity == BLOCKING and "two posts in one body" in finding.message


def test_an_office_told_by_a_verb_of_a_body_named_in_full_is_compared():
    [finding] = _later_findings(
        "Rosa Lind, who chairs the Tarnby Mill Trust, said the trust would buy it.",
        "Rosa Lind, the Tarnby Mill Trust's treasurer, said the price was agreed.",
    )
    assert finding.severity == BLOCKING


def test_a_post_covered_for_a_while_beside_ones_own_is_fine():
    assert (
        _findings(
            "The trust's medical director, Dr Rosa Lind, will serve as interim "
            "chief executive.",
            "Rosa Lind, the trust's medical director, said patients would be told.",
        )
        == []
    )


def test_two_police_ranks_for_one_name_are_blocking():
    [finding] = _later_findings(
        "Superintendent Rosa Lind said officers had searched the woods.",
        "Rosa Lind, an inspector with the county force, said the search went on.",
    )
    assert finding.severity == BLOCKING and "a different office" in finding.message


def test_an_office_a_speaker_tells_in_a_quotation_is_not_read():
    assert (
        _findings(
            "Rosa Lind, the school's headteacher, said the inspection was fair.\n\n"
            'Lind said: "After six years as deputy head, I know this school."',
            "Headteacher Rosa Lind thanked parents.",
        )
        == []
    )


def test_an_appositive_before_a_title_and_a_name_is_read():
    [finding] = _later_findings(
        "The emir's envoy, Sheikh Omar al-Sabah, arrived in Kabul.",
        "Omar al-Sabah met officials.\n\nAl-Sabah, Kuwait's deputy envoy, left.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_hyphenated_description_inside_a_title_does_not_hide_it():
    [finding] = _later_findings(
        "Pia Ferch, Saxony's long-serving deputy culture minister, spoke.",
        "Culture Minister Pia Ferch said the festival would return.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # an ordinal in lower case is not a rank
        (
            "Ambassador Tomas Ibarra presented his credentials.",
            "Ibarra, Chile's first ambassador to the country in a decade, spoke.",
        ),
        # the head of a body named with a capitalised modifier
        (
            "The head of the National Opera, Rufus Hale, closed the building.",
            "Rufus Hale, the National Opera's director, said repairs would cost £6m.",
        ),
    ],
)
def test_an_ordinal_or_a_name_word_is_not_part_of_the_office(first, second):
    assert _findings(first, second) == []


def test_a_first_minister_in_either_case_is_one_office():
    [finding] = _later_findings(
        "First Minister Ana Rhys opened the session.",
        "Ana Rhys, the deputy first minister, closed it.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message
    assert (
        _findings(
            "First Minister Ana Rhys opened the session.",
            "The first minister, Ana Rhys, closed it.",
        )
        == []
    )


@pytest.mark.parametrize(
    "first",
    [
        "Jon Hale, 48, the mayor of Tarnby, opened the fair.",
        "The fair was opened on Saturday, said the mayor of Tarnby, Jon Hale.",
        "Jon Hale, who is the mayor of Tarnby, opened the fair.",
        "Jon Hale, who has been mayor since 2019, opened the fair.",
        "Jon Hale, who was elected mayor in May, opened the fair.",
    ],
)
def test_an_office_after_an_age_a_verb_of_speech_or_a_copula_is_read(first):
    [finding] = _later_findings(first, "Deputy Mayor Jon Hale closed the fair.")
    assert finding.severity == BLOCKING and "a different rank" in finding.message


@pytest.mark.parametrize(
    "first",
    [
        "Jon Hale, who was mayor until May, opened the fair.",
        "Jon Hale, who was appointed mayor in 2015 and replaced in 2019, spoke.",
    ],
)
def test_an_office_told_as_held_before_is_not_a_different_rank(first):
    assert _findings(first, "Deputy Mayor Jon Hale closed the fair.") == []


@pytest.mark.parametrize(
    "first",
    [
        "Major General Ibra Sow arrived.",
        "Brigadier General Ibra Sow arrived.",
        "Lieutenant General Ibra Sow arrived.",
    ],
)
def test_a_general_officers_rank_is_compared(first):
    [finding] = _later_findings(first, "General Ibra Sow spoke.")
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_rear_admiral_is_not_an_admiral():
    [finding] = _later_findings(
        "Rear Admiral Ibra Sow spoke.", "Admiral Ibra Sow spoke."
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a formal rank written with and without its grade
        ("Chief Inspector Maya Rourke spoke.", "Inspector Maya Rourke spoke."),
        ("Senior Editor Piet Haas spoke.", "Editor Piet Haas spoke."),
        # two grades, formal or not
        (
            "Tomas Weir, a senior analyst at the bank, spoke.",
            "Tomas Weir, a junior analyst at the bank, spoke.",
        ),
        # past an honorific
        (
            "Principal investigator Dr Hana Ilic led the trial.",
            "Dr Hana Ilic, a junior investigator, led the trial.",
        ),
    ],
)
def test_a_grade_of_one_office_is_a_different_rank(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "a different rank" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two fields of one office
        ("Bowling coach Raf Mendes spoke.", "Raf Mendes, the fielding coach, spoke."),
        (
            "Reserve-team coach Raf Mendes spoke.",
            "Raf Mendes, the fitness coach, spoke.",
        ),
        # a field and the head of all
        ("Head coach Raf Mendes spoke.", "Raf Mendes, the batting coach, spoke."),
    ],
)
def test_a_field_before_an_office_makes_another_office(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "a different office" in finding.message


@pytest.mark.parametrize(
    "bodies",
    [
        # a loose description drops the grade
        (
            "Chief Inspector Maya Rourke spoke.",
            "Maya Rourke, an inspector with 20 years' service, spoke.",
        ),
        # words that describe the holder or name the body, not another office
        ("Head coach Raf Mendes spoke.", "Raf Mendes, the veteran coach, spoke."),
        ("Head coach Raf Mendes spoke.", "Raf Mendes, the club coach, spoke."),
        ("Bowling coach Raf Mendes spoke.", "Raf Mendes, the respected coach, spoke."),
        # a field on one side only, with no head on the other
        ("Bowling coach Raf Mendes spoke.", "Coach Raf Mendes spoke."),
    ],
)
def test_descriptions_and_a_grade_dropped_in_passing_are_fine(bodies):
    assert _findings(*bodies) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a field named after "of", against one named before the office
        (
            "Nadia Berg, the trust's director of nursing, spoke.",
            "Nadia Berg, the trust's finance director, spoke.",
        ),
        # the office told in a relative clause after the name
        (
            "Nadia Berg, who is the trust's finance director, spoke.",
            "Deputy finance director Nadia Berg spoke.",
        ),
        # a field against a capitalised word opening the sentence
        ("Kit coach Ola Nilsen spoke.", "Ola Nilsen, the fitness coach, spoke."),
        # two police ranks
        ("Detective Sergeant Lia Moss spoke.", "Detective Inspector Lia Moss spoke."),
        # a guest or visiting post is not the post
        ("Guest editor Ravi Bose spoke.", "Editor Ravi Bose spoke."),
    ],
)
def test_fields_relative_clauses_police_ranks_and_guest_posts_are_compared(
    first, second
):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


def test_a_guest_post_against_a_loose_description_of_the_post_is_fine():
    assert (
        _findings(
            "Guest editor Ravi Bose spoke.",
            "Ravi Bose, the much-admired editor, spoke.",
        )
        == []
    )
    [finding] = _later_findings(
        "Guest editor Ravi Bose spoke.",
        "Ravi Bose, the paper's senior editor, spoke.",
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    "bodies",
    [
        # a past post in a relative clause is a career, not a conflict
        (
            "Nadia Berg, who joined the trust as director of nursing, spoke.",
            "Chief executive Nadia Berg spoke.",
        ),
        # a description of the holder's politics is not a field
        (
            "The state premier, Jonas Falk, spoke.",
            "Jonas Falk, the conservative premier of the state, spoke.",
        ),
        # a grade is not a field
        ("Lead engineer Ada Ruiz spoke.", "Ada Ruiz, a bridge engineer, spoke."),
        # a capitalised word opening the sentence, and no field to set it against
        ("Hamas spokesman Ali Nour spoke.", "Ali Nour, a spokesman, spoke."),
    ],
)
def test_careers_descriptions_grades_and_names_before_an_office_are_fine(bodies):
    assert _findings(*bodies) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a title before the name opened by "Its"
        (
            "Its chief economist, Rhea Bond, spoke.",
            "Rhea Bond, the bank's deputy chief economist, spoke.",
        ),
        # "head of" and "director of" are one kind of office
        (
            "Rhea Bond, Director of Nursing, spoke.",
            "Rhea Bond, the trust's head of finance, spoke.",
        ),
        # a field told in a relative clause
        (
            "Rhea Bond, who was appointed artistic director in May, spoke.",
            "The festival's executive director, Rhea Bond, spoke.",
        ),
    ],
)
def test_more_shapes_of_an_office_are_compared(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a portfolio after "for"
        (
            "Minister for Housing Ruth Kay spoke.",
            "Ruth Kay, Minister for Transport, spoke.",
        ),
        (
            "Ruth Kay, the Secretary of State for Health, spoke.",
            "Ruth Kay, the Secretary of State for Education, spoke.",
        ),
        # a naval rank, church and academic offices
        ("Rear Admiral Ines Varga spoke.", "Admiral Ines Varga spoke."),
        ("Bishop Mark Yates spoke.", "Archbishop Mark Yates spoke."),
        ("Professor Hana Wolff spoke.", "Dr Hana Wolff, a lecturer in law, spoke."),
    ],
)
def test_portfolios_after_for_and_ranks_of_more_services_are_compared(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


def test_a_portfolio_after_for_is_the_same_office_written_before():
    assert (
        _findings(
            "Minister for Housing Ruth Kay spoke.",
            "Ruth Kay, the housing minister, spoke.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Noor Adil, the mayor of Lyon, spoke.",
            "Noor Adil, the mayor of Nantes, spoke.",
        ),
        (
            "Noor Adil, the MP for Leeds Central, spoke.",
            "Noor Adil, the MP for Hull East, spoke.",
        ),
    ],
)
def test_one_office_of_two_places_is_blocking(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING and "a different posting" in finding.message


def test_one_office_to_two_countries_is_blocking_as_a_different_country():
    # postings that are countries are told as what they are (as "ambassador to
    # Peru" / "to Chile" above)
    [finding] = _later_findings(
        "Noor Adil, Finland's ambassador to Japan, spoke.",
        "Noor Adil, the Finnish ambassador to South Korea, spoke.",
    )
    assert finding.severity == BLOCKING and "a different country" in finding.message


@pytest.mark.parametrize(
    "bodies",
    [
        (
            "Noor Adil, the MP for Leeds Central, spoke.",
            "Noor Adil, the MP for Leeds, spoke.",
        ),
        (
            "Noor Adil, professor of law at the London School of Economics, spoke.",
            "Noor Adil, a professor at LSE, spoke.",
        ),
    ],
)
def test_a_posting_written_shorter_or_as_initials_is_not_another(bodies):
    assert {f.severity for f in _findings(*bodies)} <= {ADVISORY}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # an age between the name and its title
        (
            "Jane Roe, 54, the agency's deputy director, said so.",
            "Agency director Jane Roe said so.",
        ),
        # a title before the name in an attribution that ends the sentence
        (
            "Talks would resume, according to the agency's deputy director, Jane Roe.",
            "The agency's director, Jane Roe, said so.",
        ),
    ],
)
def test_titles_in_attributions_are_read_past_ages_and_to_the_sentence_end(
    first, second
):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


def test_two_fields_before_an_office_are_read_together():
    [finding] = _later_findings(
        "Joan Pike, the county's emergency planning officer, spoke.",
        "Joan Pike, the county's chief fire officer, spoke.",
    )
    assert finding.severity == BLOCKING and "a different office" in finding.message


def test_a_minister_of_state_for_a_portfolio_is_not_its_minister():
    [finding] = _later_findings(
        "Lina Haddad, Jordan's minister of state for trade, met investors.",
        "Lina Haddad, Jordan's trade minister, met investors.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_title_in_another_language_is_read_with_its_portfolio():
    [finding] = _later_findings(
        "The Ministro de Justicia, Tomás Berrocal, opened the new court.",
        "Berrocal, the country's transport minister, said the trains were late.",
    )
    assert finding.severity == BLOCKING and "a different office" in finding.message


def test_a_title_in_another_language_and_its_english_office_agree():
    assert (
        _findings(
            "The Ministre de l'Agriculture, Odile Varenne, visited the farm.",
            "Odile Varenne, the agriculture minister, said prices would rise.",
        )
        == []
    )
    assert (
        _findings(
            "The Ministre de la Culture, Odile Varenne, visited the museum.",
            "Odile Varenne, the culture minister, praised the curators.",
        )
        == []
    )


def test_two_countries_sending_one_envoy_to_the_same_place_is_blocking():
    [finding] = _later_findings(
        "The Irish ambassador to Peru, Niamh Corrigan, opened the fair.",
        "Niamh Corrigan, Norway's ambassador to Peru, gave a speech.",
    )
    assert finding.severity == BLOCKING and "a different country" in finding.message


def test_one_office_at_two_bodies_of_different_kinds_named_in_full_is_blocking():
    [finding] = _later_findings(
        "Tomas Lindqvist, director of the Brackwater Institute, spoke first.",
        "Tomas Lindqvist, director of the Fenwick Museum, spoke next.",
    )
    assert finding.severity == BLOCKING
    assert "a different organisation" in finding.message


def test_a_council_leader_is_not_its_chief_executive():
    [finding] = _later_findings(
        "Priya Castell, the council leader, opened the library.",
        "Castell, the council's chief executive, said the budget was tight.",
    )
    assert finding.severity == BLOCKING and "two posts in one body" in finding.message


def test_having_led_a_body_agrees_with_any_name_for_its_head():
    assert (
        _findings(
            "Managing director Hal Westrup said the plant would close.",
            "Hal Westrup, who has led the company since 2015, said it was sad.",
        )
        == []
    )


def test_a_title_after_a_verb_belongs_to_the_name_after_it():
    assert (
        _findings(
            "Chile's trade minister, Rosa Ibarra, met Peru's trade minister, "
            "Luis Tapia, in Lima.",
            "Ibarra said exports would grow.",
        )
        == []
    )


def test_the_ukrainian_and_russian_forms_of_a_name_are_one_person():
    [finding] = _later_findings(
        "Interior Minister Dmytro Hordienko spoke first.",
        "Deputy Interior Minister Dmitry Gordienko spoke next.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_portfolio_that_is_also_an_office_does_not_make_the_head():
    # "Justice" names a judge too; in "Minister of Justice" it is the portfolio
    [finding] = _later_findings(
        "Minister of Justice Arno Veldkamp signed the order.",
        "Arno Veldkamp, the finance minister, said the budget was set.",
    )
    assert finding.severity == BLOCKING and "a different office" in finding.message


def test_an_office_held_before_a_move_is_not_compared_as_current():
    assert (
        _findings(
            "Ines Rapp became governor in June after four years as deputy governor.",
            "Governor Ines Rapp opened the new bridge.",
        )
        == []
    )


def test_a_body_written_as_its_initials_is_only_a_variant():
    [finding] = _later_findings(
        "Colm Brady, president of the Irish Dental Association, spoke first.",
        "IDA president Colm Brady said waiting lists were growing.",
    )
    assert finding.severity == ADVISORY


@pytest.mark.parametrize(
    ("second", "severity"),
    [
        ("Ewan Ross, secretary of the Ness Angling Club, agreed.", None),
        ("NAC secretary Ewan Ross agreed.", ADVISORY),
        ("Ewan Ross, secretary of the Tay Rowing Club, agreed.", BLOCKING),
    ],
)
def test_its_title_is_of_the_body_the_story_named_before(second, severity):
    first = "The Ness Angling Club has new rules.\n\nIts secretary, Ewan Ross, spoke."
    findings = _later_findings(first, second)
    assert [f.severity for f in findings] == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("second", "severity"),
    [
        ("Ravi Lal, a member of the lower house for Kerwick, spoke next.", BLOCKING),
        ("Ravi Lal, a member of the senate for Kerwick, spoke next.", None),
        ("Ravi Lal, a member of the city's rowing club, spoke next.", None),
    ],
)
def test_a_seat_in_one_chamber_is_not_a_seat_in_the_other(second, severity):
    findings = _later_findings("Senator Ravi Lal opened the debate.", second)
    assert [f.severity for f in findings] == ([severity] if severity else [])


@pytest.mark.parametrize(
    "second",
    [
        "Joe Park, who became a senator after ten years as a congressman, agreed.",
        "Joe Park, a former congressman, agreed.",
    ],
)
def test_an_office_held_before_another_is_a_career_not_a_conflict(second):
    assert _findings("Senator Joe Park spoke.", second) == []


def test_a_seat_told_by_who_is_is_read():
    [finding] = _later_findings(
        "Ravi Lal, who is a member of parliament, opened the debate.",
        "Senator Ravi Lal closed it.",
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("english", "severity"),
    [("the health minister", None), ("the transport minister", BLOCKING)],
)
def test_a_german_federal_minister_is_read_with_the_portfolio(english, severity):
    findings = _later_findings(
        "Greta Holm, the Bundesministerin für Gesundheit, spoke first.",
        f"Greta Holm, {english}, spoke next.",
    )
    assert [f.severity for f in findings] == ([severity] if severity else [])


# --- issue 12, heldout6 study: offices read compositionally, in more shapes ---------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a head noun from the general lexicon with a rank before it
        (
            "Chief magistrate Pia Lunde ruled.",
            "Deputy chief magistrate Pia Lunde spoke.",
        ),
        ("Archdeacon Tom Vale preached.", "Tom Vale, the bishop, preached again."),
        (
            "Shadow Transport Secretary Ed Marr spoke.",
            "Ed Marr, the transport secretary, replied.",
        ),
        (
            "The vice-chancellor, Joan Amery, spoke.",
            "Pro-vice-chancellor Professor Joan Amery spoke.",
        ),
        (
            "The Presiding Officer, Ilse Moor, ruled.",
            "Deputy Presiding Officer Ilse Moor spoke.",
        ),
    ],
)
def test_an_office_is_a_head_noun_with_its_ranks(first, second):
    [finding] = _later_findings(first, second)
    assert finding.severity == BLOCKING


def test_a_title_written_short_with_its_full_stop_is_read():
    [finding] = _later_findings(
        "Lt. Gov. Ada Crane signed the bill.", "Gov. Ada Crane vetoed it."
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message


def test_a_surname_that_is_also_a_short_title_stays_a_name():
    findings = _findings(
        "Finance Minister Ravi Sen spoke.", "Sen, the finance minister, left."
    )
    assert findings == []


@pytest.mark.parametrize(
    "first",
    [
        "The plan was approved by the deputy governor, Nia Bold, on Monday.",
        "The plan was drawn up with the deputy governor, Nia Bold.",
        "The decision was announced by the deputy governor, the Rt Rev Nia Bold.",
    ],
)
def test_a_title_that_is_the_object_of_a_preposition_is_the_name_after_it(first):
    [finding] = _later_findings(first, "Governor Nia Bold defended it.")
    assert finding.severity == BLOCKING


def test_after_meeting_a_titled_person_the_subject_keeps_her_own_title():
    assert (
        _findings(
            "After talks with the deputy governor, Nia Bold said the plan was safe.",
            "Governor Nia Bold defended it.",
        )
        == []
    )


@pytest.mark.parametrize(
    "first",
    [
        "Speaking as the trust's deputy chair, Omar Lind said the plan was safe.",
        "Since his appointment as deputy chair in 2023, Omar Lind has cut costs.",
        "Omar Lind, speaking as the trust's deputy chair, said the plan was safe.",
        "Omar Lind was named deputy chair of the trust in March.",
        "Omar Lind has been appointed as deputy chair of the trust.",
    ],
)
def test_an_office_told_by_as_or_an_appointment_in_the_passive_is_read(first):
    [finding] = _later_findings(first, "Chair Omar Lind said costs would fall.")
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    "first",
    [
        "After two years as deputy chair, Omar Lind became chair in May.",
        "Omar Lind is expected to be named deputy chair of the trust.",
    ],
)
def test_an_office_held_before_or_not_yet_is_not_compared(first):
    assert _findings(first, "Chair Omar Lind said costs would fall.") == []


def test_a_portfolio_is_read_in_capitals_and_joined_by_and():
    [finding] = _later_findings(
        "Minister for Rural Affairs Cait Ni Bhriain spoke.",
        "Cait Ni Bhriain, the minister for enterprise, spoke next.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "Cait Ni Bhriain, the Minister for Enterprise and Trade, spoke.",
            "The trade minister, Cait Ni Bhriain, spoke next.",
        )
        == []
    )


def test_an_office_to_or_for_a_place_before_the_name_is_read():
    [finding] = _later_findings(
        "Envoy to Ghana Rita Moss arrived.", "Rita Moss, Spain's envoy to Mali, left."
    )
    assert "a different country" in finding.message
    [finding] = _later_findings(
        "French special envoy for the Arctic Lars Dahl spoke.",
        "German special envoy Lars Dahl replied.",
    )
    assert finding.severity == BLOCKING


def test_a_name_with_a_particle_joined_or_apart_is_one_person():
    [finding] = _later_findings(
        "Trade Minister Khalid al-Nouri spoke.",
        "The country's health minister, Khaled Al Nouri, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_director_of_one_field_is_not_the_head_of_the_body():
    [finding] = _later_findings(
        "Ines Vogt, who took over as chief executive in May, spoke.",
        "The firm's marketing director, Ines Vogt, replied.",
    )
    assert "two posts in one body" in finding.message


def test_posts_of_a_body_named_by_two_kinds_together_are_one_bodys():
    [finding] = _later_findings(
        "A school trust has opened a library. The school's finance director, "
        "Ben Acre, said so.",
        "Ben Acre, the trust's chief executive, opened it.",
    )
    assert finding.severity == BLOCKING


def test_a_union_president_and_its_general_secretary_are_two_posts():
    [finding] = _later_findings(
        "Lia Moro, the union's general secretary, called a strike.",
        "Lia Moro, the union's president, called it off.",
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Foreign Secretary Lia Moro spoke.",
            "Lia Moro, the party's deputy leader, spoke.",
        ),
        (
            "Lia Moro, the company's president, spoke.",
            "Lia Moro, its chief executive, spoke.",
        ),
        (
            "President Lia Moro spoke.",
            "Lia Moro, the party's general secretary, spoke.",
        ),
    ],
)
def test_an_office_of_state_or_the_head_of_a_company_is_not_a_post_of_one_body(
    first, second
):
    assert _findings(first, second) == []


def test_a_representative_written_short_sits_in_the_lower_house():
    [finding] = _later_findings("Rep. Ivy Kahn spoke.", "Sen. Ivy Kahn replied.")
    assert finding.severity == BLOCKING


def test_two_ranks_of_the_services_exclude_each_other():
    [finding] = _later_findings(
        "Commodore Ray Bligh sailed.", "Rear Admiral Ray Bligh returned."
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("second", "found"),
    [("Bligh, the admiral, returned.", False), ("Admiral Ray Bligh returned.", True)],
)
def test_a_service_rank_is_called_by_its_last_word_after_it_is_given_in_full(
    second, found
):
    findings = _later_findings("Vice Admiral Ray Bligh sailed.", second)
    assert bool(findings) == found


def test_an_appositive_title_held_until_a_time_is_one_held_before():
    assert (
        _findings(
            "Speaker Rosa Vane opened the sitting.",
            "Rosa Vane, a deputy speaker until last year, spoke.",
        )
        == []
    )
    [finding] = _later_findings(
        "Speaker Rosa Vane opened the sitting.",
        "Rosa Vane, a deputy speaker, spoke.",
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Margaret Ellery", "Peggy Ellery"),  # a short first name, in another story
        ("Joanna Petrakis Venn", "Joanna Venn"),  # a middle name dropped
        ("Luis Ferro Aranda", "Luis Ferro"),  # a second surname dropped
    ],
)
def test_one_name_written_two_ways_is_one_person(first, second):
    [finding] = _later_findings(
        f"{first}, the county's chief planning officer, spoke.",
        f"{second}, the county's deputy chief planning officer, replied.",
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Patrick Hale", "Patricia Hale"),  # two full first names
        ("Dan Orr", "Dana Orr"),  # not a form the table gives
        ("Joanna Venn", "Joanna Venn Trust"),  # a body named after her
    ],
)
def test_two_names_alike_are_two_people(first, second):
    assert (
        _findings(
            f"{first}, the county's chief planning officer, spoke.",
            f"{second}, the county's deputy chief planning officer, replied.",
        )
        == []
    )


@pytest.mark.parametrize(
    "french",
    [
        "Le ministre de l'Économie, Paul Marnier, a parlé.",
        "Ministre de l'Économie Paul Marnier a parlé.",
    ],
)
def test_a_portfolio_with_an_elided_article_is_read(french):
    [finding] = _later_findings(
        french, "Paul Marnier, France's defence minister, spoke."
    )
    assert finding.severity == BLOCKING
    assert _findings(french, "Paul Marnier, France's economy minister, spoke.") == []


def test_an_italian_portfolio_with_an_elided_article_is_read():
    [finding] = _later_findings(
        "Ministro dell'Interno Elisa Corti said the border was calm.",
        "Elisa Corti, Italy's health minister, spoke.",
    )
    assert finding.severity == BLOCKING


def test_a_field_told_by_whom_it_serves_is_a_field():
    [finding] = _later_findings(
        "Ola Brandt, the city's director of adult social care, spoke.",
        "Ola Brandt, the city's director of children's services, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_title_is_read_past_the_style_of_an_archbishop():
    [finding] = _later_findings(
        "The Archbishop of Perth, the Most Rev Alan Voss, spoke.",
        "The Bishop of Perth, Alan Voss, replied.",
    )
    assert finding.severity == BLOCKING


def test_the_law_officers_of_a_government_exclude_each_other():
    [finding] = _later_findings(
        "The Attorney General, Ines Obi, spoke.",
        "The Solicitor General, Ines Obi, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_chair_and_a_secretary_of_one_body_are_two_posts():
    [finding] = _later_findings(
        "Ned Quill, chairman of the county's rowing board, spoke.",
        "The board's secretary, Ned Quill, replied.",
    )
    assert finding.severity == BLOCKING


@pytest.mark.parametrize(
    "first",
    [
        "Constable Rhys Amble was promoted to sergeant in May.",
        "Deputy Harbour Master Rhys Amble was appointed harbour master in May.",
        "Rhys Amble was appointed harbour master in May after six years as the"
        " port's deputy harbour master.",
    ],
)
def test_an_office_before_a_promotion_or_appointment_is_one_held_before(first):
    second = (
        "Harbour Master Rhys Amble spoke."
        if "harbour" in first.lower()
        else "Sergeant Rhys Amble spoke."
    )
    assert _findings(first, second) == []


def test_an_interim_post_confirmed_later_is_the_post():
    assert (
        _findings(
            "Uma Sethi was named interim director of the museum in May, and was"
            " confirmed in the post in June.",
            "Director Uma Sethi spoke.",
        )
        == []
    )


def test_a_deputy_standing_in_for_the_head_is_no_conflict():
    assert (
        _findings(
            "Acting principal Joel Tarn spoke.",
            "Joel Tarn, the college's deputy principal, replied.",
        )
        == []
    )
    [finding] = _later_findings(
        "Acting principal Joel Tarn spoke.",
        "Joel Tarn, the college's principal, replied.",
    )
    assert finding.severity == ADVISORY


def test_an_office_joined_by_a_hyphen_to_a_field_is_that_office():
    [finding] = _later_findings(
        "The side's player-manager, Ivo Brant, scored.",
        "Ivo Brant, the club's assistant manager, spoke.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "The side's player-manager, Ivo Brant, scored.",
            "Ivo Brant, the manager, spoke.",
        )
        == []
    )


def test_an_office_served_in_after_an_appointment_is_held_now():
    [finding] = _later_findings(
        "Nia Roper, who was appointed finance director in 2015, has served as"
        " chairman since 2023.",
        "Nia Roper, the firm's treasurer, spoke.",
    )
    assert finding.severity == BLOCKING


def test_a_director_of_one_field_is_not_the_head_of_its_body():
    [finding] = _later_findings(
        "Ada Quell, the trust's director of fundraising, spoke.",
        "The trust's chief executive, Ada Quell, replied.",
    )
    assert finding.severity == BLOCKING and "two posts" in finding.message


def test_a_post_told_by_its_field_names_its_post():
    [finding] = _later_findings(
        "Batting coach Remi Doyle spoke.",
        "Remi Doyle, the club's director of football, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_court_judge_and_its_registrar_are_two_posts():
    [finding] = _later_findings(
        "The court's senior judge, Ines Varga, spoke.",
        "Ines Varga, the court's registrar, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_president_and_the_secretary_general_of_one_body_are_two_posts():
    [finding] = _later_findings(
        "Ravi Dutt, the rowing union's president, spoke.",
        "Ravi Dutt, the union's secretary-general, replied.",
    )
    assert finding.severity == BLOCKING


def test_an_office_told_as_the_predicate_of_its_holder_is_read():
    [finding] = _later_findings(
        "Odile Marchetti is the chair of the harbour board.",
        "Odile Marchetti, the board's treasurer, replied.",
    )
    assert finding.severity == BLOCKING
    # a predicate that is no office, and a name that is not the subject
    assert (
        _findings(
            "Odile Marchetti is the treasurer's niece. A letter to Odile Marchetti"
            " is the board's reply.",
            "Odile Marchetti, the board's treasurer, replied.",
        )
        == []
    )


def test_the_head_of_a_ministry_is_its_minister():
    [finding] = _later_findings(
        "Pita Havili, who heads Tonga's health ministry, spoke.",
        "Pita Havili, the education minister, replied.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "Pita Havili, who leads the health ministry, spoke.",
            "Health Minister Pita Havili replied.",
        )
        == []
    )


def test_a_portuguese_title_is_read_with_its_portfolio():
    [finding] = _later_findings(
        "A ministra da Defesa, Lúcia Prado, falou.",
        "Lúcia Prado, the finance minister, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_german_minister_named_in_one_word_has_its_portfolio():
    [finding] = _later_findings(
        "Innenminister Jonas Falk sprach.",
        "Jonas Falk, the finance minister, replied.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "Innenminister Jonas Falk sprach.",
            "Jonas Falk, the interior minister, replied.",
        )
        == []
    )


def test_the_appositive_of_a_person_promoted_is_the_office_held_before():
    assert (
        _findings(
            "The airline has appointed Bea Sund, its head of cargo, as chief"
            " financial officer.",
            "Bea Sund, the chief financial officer, spoke.",
        )
        == []
    )
    [finding] = _later_findings(
        "The airline has appointed Bea Sund, its head of cargo, as chief"
        " financial officer.",
        "Bea Sund, the airline's chairman, spoke.",
    )
    assert finding.severity == BLOCKING


def test_an_indefinite_title_without_a_rank_is_less_specific():
    assert (
        _findings(
            "Assistant Professor Kai Lund spoke.",
            "Kai Lund, a professor at the college, replied.",
        )
        == []
    )
    [finding] = _later_findings(
        "Professor Kai Lund spoke.",
        "Kai Lund, an assistant professor at the college, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_national_side_is_another_body_than_a_club():
    assert (
        _findings(
            "Oren Vale, the club's vice-captain, spoke.",
            "Oren Vale, the national side's captain, replied.",
        )
        == []
    )


def test_a_commander_before_a_name_is_a_rank():
    [finding] = _later_findings(
        "Cdr Liam Roe spoke.",
        "Lieutenant Liam Roe replied.",
    )
    assert finding.severity == BLOCKING and "a different rank" in finding.message
    assert (
        _findings(
            "The fleet commander, Admiral Liam Roe, spoke.",
            "Admiral Liam Roe replied.",
        )
        == []
    )


def test_a_head_told_by_a_verb_against_a_post_of_one_field():
    [finding] = _later_findings(
        "Hana Iso, who heads the charity, spoke.",
        "Hana Iso, the charity's finance director, replied.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "Hana Iso, who leads the Green Party, spoke.",
            "Hana Iso, the Green Party's leader, replied.",
        )
        == []
    )


def test_an_office_held_when_something_happened_is_held_before():
    assert (
        _findings(
            "Tom Ekberg, a constable when the riot began and now a sergeant, spoke.",
            "Sergeant Tom Ekberg replied.",
        )
        == []
    )


def test_an_office_verb_reads_a_side_as_its_body():
    [finding] = _later_findings(
        "Uma Pell, who captains the county side, spoke.",
        "Uma Pell, the side's vice-captain, replied.",
    )
    assert finding.severity == BLOCKING


def test_the_office_given_to_the_object_of_an_appointment_is_read():
    [finding] = _later_findings(
        "The trust elected Mira Sand as its new chairman.",
        "Mira Sand, the trust's treasurer, spoke.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "The trust named Mira Sand as its successor.",
            "Mira Sand, the trust's treasurer, spoke.",
        )
        == []
    )


def test_sworn_in_as_is_the_office_held_unless_it_is_to_come():
    [finding] = _later_findings(
        "Ivo Petrak, who was sworn in as governor on Monday, spoke.",
        "Mayor Ivo Petrak replied.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "Ivo Petrak, who will be sworn in as governor on Monday, spoke.",
            "Mayor Ivo Petrak replied.",
        )
        == []
    )


def test_an_appositive_told_with_now_is_the_office_held():
    [finding] = _later_findings(
        "Anke Frei, now the museum's chief curator, spoke.",
        "Anke Frei, the museum's director, replied.",
    )
    assert finding.severity == BLOCKING


def test_a_title_written_with_then_is_held_before():
    assert (
        _findings(
            "The then-health minister, Olu Bako, signed it.",
            "Olu Bako, the defence minister, replied.",
        )
        == []
    )


def test_the_head_of_a_ministry_named_with_of_is_its_minister():
    [finding] = _later_findings(
        "Pita Havili, who leads the Ministry of Health, spoke.",
        "Pita Havili, the education minister, replied.",
    )
    assert finding.severity == BLOCKING
    assert (
        _findings(
            "Pita Havili, who leads the Ministry of Trade and Industry, spoke.",
            "Trade Minister Pita Havili replied.",
        )
        == []
    )


def test_a_time_after_an_office_told_with_as_ends_it():
    [finding] = _later_findings(
        "Noor Baig, who was sworn in as deputy mayor last month, spoke.",
        "Mayor Noor Baig replied.",
    )
    assert finding.severity == BLOCKING


def test_portuguese_portfolios_of_finance_and_foreign_affairs():
    [finding] = _later_findings(
        "O ministro dos Negócios Estrangeiros, Rui Dias, falou.",
        "Rui Dias, the finance minister, replied.",
    )
    assert finding.severity == BLOCKING
