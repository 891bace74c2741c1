"""People said once with a name the name data hardly knows (issue 13, names9): South African, Indian, Australian,
Maori, Nigerian, Vietnamese, Welsh and Irish first names, each in an entry of its own, doing what only people do
("rang", "texted", "fixed", "got the job", "is moving", "came round", "X and I", "tea with X"); and in the same
frames, places, shops, cars and pets that are no one. Written for this test alone. SQLite (the reading is the
extractor's, the same on both backends)."""
import re

from remembrancer import Memory
from remembrancer.extract import extract

# (entry, the person it names once)
PEOPLE = [
    ("Zanele rang from the clinic to say Gogo's blood pressure is down.", 'Zanele'),
    ('Had coffee with Lerato after church.', 'Lerato'),
    ('Sibusiso fixed the geyser on Saturday, what a star.', 'Sibusiso'),
    ('Mpho texted me a picture of the new baby.', 'Mpho'),
    ('Palesa and I walked up to the dam before breakfast.', 'Palesa'),
    ('Bongani got the job at the mine!', 'Bongani'),
    ('Tanvi called to say the visa came through.', 'Tanvi'),
    ('Ishaan and I went for dosa after the match.', 'Ishaan'),
    ('Devika said the wedding will be in Pune in December.', 'Devika'),
    ('Had chai with Kavya and her mother on Sunday.', 'Kavya'),
    ('Harsha is moving to Hyderabad next month.', 'Harsha'),
    ('Jedda rang last night, she sounds tired.', 'Jedda'),
    ('Kirra and I went to the beach at Byron.', 'Kirra'),
    ('Bindi texted about the footy tickets.', 'Bindi'),
    ('Lachie fixed the ute for me, legend.', 'Lachie'),
    ('Aroha rang from Rotorua to say the tangi is on Thursday.', 'Aroha'),
    ('Wiremu and I went eeling at the river.', 'Wiremu'),
    ('Had a cuppa with Hemi at the marae.', 'Hemi'),
    ('Anahera got the job at the kura!', 'Anahera'),
    ('Rangi said the hui went well.', 'Rangi'),
    ('Chidi rang from Lagos this morning.', 'Chidi'),
    ('Ngozi and I cooked jollof for the party.', 'Ngozi'),
    ('Tunde fixed my laptop, finally.', 'Tunde'),
    ('Folake texted me from the hospital, the twins are here.', 'Folake'),
    ('Had lunch with Obinna near the office.', 'Obinna'),
    ('Yetunde is moving to Abuja in the new year.', 'Yetunde'),
    ('Linh rang to say the pho place is closing.', 'Linh'),
    ('Thao and I went to the night market.', 'Thao'),
    ('Huong texted me a recipe for bun cha.', 'Huong'),
    ('Quang fixed the scooter for me.', 'Quang'),
    ('Had dinner with Trang and her cousins.', 'Trang'),
    ('Went for a braai with Sizwe and Ntombi on Sunday, lovely day.', 'Ntombi'),
    ('Dafydd rang about the choir practice.', 'Dafydd'),
    ('Rhodri and I went up Pen y Fan on Sunday.', 'Rhodri'),
    ('Eluned said the chapel roof is leaking again.', 'Eluned'),
    ('Gethin got the job at the council!', 'Gethin'),
    ('Had a panad with Iolo after work.', 'Iolo'),
    ('Oisín rang from Galway, the match is off.', 'Oisín'),
    ('Caoimhe and I went for a swim at the Forty Foot.', 'Caoimhe'),
    ('Tadhg fixed the fence for Mammy.', 'Tadhg'),
    ('Ruairí texted me to say he passed his driving test.', 'Ruairí'),
    ('Had tea with Saoirse in Eyre Square.', 'Saoirse'),
    ('Bronagh is moving to Boston in September.', 'Bronagh'),
    ('Thandeka came round with a pot of samp.', 'Thandeka'),
    ('Manaia came round to help with the hangi.', 'Manaia'),
    ('Ifeoma came round with her new baby.', 'Ifeoma'),
]
# (entry, its capitalised words that are no one)
NO_ONE = [
    ('Went to Kuruman for the weekend.', ['Kuruman']),
    ('The Hilux broke down outside Vryburg again.', ['Hilux', 'Vryburg']),
    ('Biscuit barked at the postman all morning.', ['Biscuit']),
    ('Drove to Mthatha for the funeral.', ['Mthatha']),
    ('Had coffee at Wimpy on the way home.', ['Wimpy']),
    ('Tea at Mugg and Bean with the girls.', ['Mugg', 'Bean']),
    ('Moved to Polokwane when I was six.', ['Polokwane']),
    ("Lunch at Nando's in Rosebank, too expensive.", ["Nando's", 'Rosebank']),
    ('Went to Rotorua for the long weekend.', ['Rotorua']),
    ('Had lunch in Whakatane on the way.', ['Whakatane']),
    ('Drove the Corolla up to Taupo.', ['Corolla', 'Taupo']),
    ('Went to Lagos for the wedding.', ['Lagos']),
    ('Had dinner at Chicken Republic near the office.', ['Chicken Republic']),
    ('Moved to Ibadan after the war.', ['Ibadan']),
    ('Went to Hoi An with the family.', ['Hoi An']),
    ('Had pho in Hanoi on the last night.', ['Hanoi']),
    ('The Vespa broke down outside the market.', ['Vespa']),
    ('Went to Aberystwyth for the eisteddfod.', ['Aberystwyth']),
    ('Had a panad in Caernarfon after the walk.', ['Caernarfon']),
    ('The Land Rover broke down at Llanberis.', ['Land Rover', 'Llanberis']),
    ('Went to Lahinch for a swim.', ['Lahinch']),
    ('Had tea in Clonakilty on the way back.', ['Clonakilty']),
    ('Moved to Ennis when the factory closed.', ['Ennis']),
    ('Went to Kalgoorlie for work.', ['Kalgoorlie']),
    ('Had a schooner at Coogee after the swim.', ['Coogee']),
    ('The Commodore broke down near Dubbo.', ['Commodore', 'Dubbo']),
    ('Went to Thrissur for the festival.', ['Thrissur']),
    ('Had chai at Chaayos near the station.', ['Chaayos']),
    ('Moved to Bengaluru for the new job.', ['Bengaluru']),
    ('Tinkerbell chased the cat up the tree.', ['Tinkerbell']),
    ('Snowy barked at the neighbours all night.', ['Snowy']),
    ('Rolo chewed my slipper again.', ['Rolo']),
    ('Vodacom rang about the upgrade again.', ['Vodacom']),
    ('Woolworths is moving to the new mall in March.', ['Woolworths']),
    ('Telkom fixed the line at last.', ['Telkom']),
    ('Discovery said the claim is approved.', ['Discovery']),
    ('Biscuit and I went for a long walk on the beach.', ['Biscuit']),
    ('Had coffee with Mabel, our old cat, on my lap.', []),
    ('Kmart got the order wrong again.', ['Kmart']),
    ('Bunnings is moving to the old Masters site.', ['Bunnings', 'Masters']),
]


def read(tmp_path):
    with Memory(tmp_path / "names.db") as memory:
        for day, text in enumerate([t for t, _ in PEOPLE] + [t for t, _ in NO_ONE]):
            memory.add(text, at=f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}")
        listed = [p["name"] for p in memory.people() if p["name"] != "me"]
    return listed


def has(names, word):
    return any(re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", n.lower()) for n in names)


# What is still read wrongly (names9's round: docs/benchmarks.md; on main before it 37 of the 46 were missed and none of
# the no-ones listed): names the tagger took for a firm ("Oisín rang", "Eluned said": a firm rings and says too), for
# no name at all ("Sibusiso", "Tunde", "Saoirse": an adverb, a verb, a common noun), "Jedda rang" read as one name,
# a name no one in the name data bears ("Folake texted": so do firms, "Telkom fixed the line"), and one the batch
# reads otherwise than alone ("Thandeka came round" is listed said alone).
MISSED = {"Eluned", "Folake", "Jedda", "Oisín", "Saoirse", "Sibusiso", "Thandeka", "Tunde"}
LISTED = set()


def test_a_person_named_once_by_a_name_the_data_hardly_knows_is_listed_and_no_place_or_pet_is(tmp_path):
    listed = read(tmp_path)
    missed = {n for _, n in PEOPLE if not has(listed, n)}
    wrong = {w for _, words in NO_ONE for w in words if has(listed, w)}
    assert (missed, wrong) == (MISSED, LISTED), listed


def test_the_set_is_large_enough():
    assert len(PEOPLE) >= 40 and sum(len(w) for _, w in NO_ONE) >= 30


def test_a_word_acting_in_quoted_words_is_not_taken_for_a_name_said_once():
    # an old "you" in someone's words (a name said once in quotes is left to the model)
    ex = extract('The carter looked up. "Ye fixed it, then."')
    assert [p.name for p in ex.people] == []
