"""Categories: what a question's category word holds ("sports" -> golf, jiu-jitsu; "cities" -> Miami).

People ask by the category ("What sports does Kevin play?", "Which cities has Kate been to?") and tell by the
member ("I hit the golf course", "a rooftop lounge in Barcelona"): neither BM25 nor MiniLM ties the two well
(MiniLM puts "jiu-jitsu training" further from "sports" than "movie"). A small general lexicon, written by hand
and drawn from no store, says which words are members of which category; `recall` reads the categories a
question asks by (`asked`) and marks the passages that name a member (`naming`).
"""
from __future__ import annotations

import re


def _list(text: str) -> frozenset[str]:
    return frozenset(" ".join(m.split()).lower() for m in text.split(",") if m.strip())


SPORTS = _list("""football, soccer, basketball, baseball, softball, volleyball, tennis, table tennis, ping pong, badminton, padel,
    squash, racquetball, pickleball, golf, mini golf, hockey, ice hockey, rugby, cricket, lacrosse, handball, netball, water polo,
    boxing, kickboxing, wrestling, mma, martial arts, karate, judo, taekwondo, jiu-jitsu, jiu jitsu, jujitsu, bjj, kung fu,
    muay thai, fencing, archery, skiing, ski, snowboarding, skating, ice skating, skateboarding, surfing, windsurfing,
    kitesurfing, sailing, rowing, canoeing, kayaking, rafting, paddleboarding, diving, scuba diving, snorkeling, snorkelling,
    swimming, running, jogging, marathon, half marathon, triathlon, athletics, cycling, biking, mountain biking, climbing,
    rock climbing, bouldering, hiking, trekking, mountaineering, horse riding, horseback riding, gymnastics, cheerleading,
    bowling, billiards, snooker, darts, curling, frisbee, dodgeball, formula 1, f1, nascar, karting, crossfit, weightlifting,
    powerlifting, bodybuilding, yoga, pilates, parkour, fishing, chess, esports, gym, workout, workouts, match, tournament""")
EXERCISE = _list("""yoga, pilates, gym, workout, workouts, running, jogging, run, jog, swimming, swim, cycling, spinning, biking,
    hiking, hike, walking, walk, walks, stretching, weightlifting, lifting, weights, strength training, cardio, crossfit, hiit,
    zumba, aerobics, dancing, boxing, kickboxing, rowing, climbing, meditation, meditate, treadmill, push-ups, squats, plank,
    tai chi, breathing""")
HOBBIES = SPORTS | EXERCISE | _list("""reading, books, writing, poetry, journaling, painting, drawing, sketching, photography,
    cooking, baking, gardening, knitting, crocheting, sewing, embroidery, pottery, ceramics, sculpting, woodworking, crafts,
    crafting, scrapbooking, calligraphy, origami, gaming, video games, board games, puzzles, collecting, singing, karaoke,
    dancing, guitar, piano, drums, violin, ukulele, music, movies, films, shows, series, netflix, anime, podcasts,
    travelling, traveling, travel, camping, birdwatching, volunteering, shopping, thrifting, fashion, makeup, skincare,
    blogging, vlogging, coding, programming, languages, astronomy, wine tasting, brunch, concerts, festivals, theatre, theater,
    museums, art, galleries""")
FOODS = _list("""pizza, pasta, spaghetti, lasagna, lasagne, risotto, ravioli, gnocchi, carbonara, pesto, sushi, sashimi, ramen,
    udon, tempura, poke, dumplings, noodles, fried rice, rice, curry, tikka masala, biryani, naan, samosas, tacos, taco, burrito,
    burritos, quesadilla, nachos, enchiladas, guacamole, fajitas, burger, burgers, hamburger, cheeseburger, hot dog, hot dogs,
    fries, chips, steak, bbq, barbecue, ribs, wings, fried chicken, chicken, kebab, kebabs, shawarma, falafel, hummus, gyro,
    gyros, souvlaki, paella, tapas, croissant, croissants, bagel, bagels, pancakes, waffles, omelette, omelet, eggs, bacon,
    sandwich, sandwiches, toast, salad, salads, soup, stew, chili, meatballs, mac and cheese, seafood, shrimp, prawns, lobster,
    crab, oysters, salmon, tuna, fish, pho, banh mi, pad thai, stir fry, stir-fry, stirfry, bibimbap, kimchi, bulgogi, dim sum,
    spring rolls, fondue, crepes, quiche, schnitzel, sausage, sausages, pierogi, goulash, couscous, tagine, meat, beef, pork,
    lamb, veggies, vegetables, fruit, fruits, cake, cakes, cheesecake, ice cream, gelato, chocolate, brownies,
    cookies, cupcakes, donuts, doughnuts, pie, muffins, pastries, pastry, macarons, dessert, desserts, candy, sweets, cereal,
    oatmeal, granola, yogurt, acai, snacks, popcorn, cheese, bread, casserole, roast, brunch, breakfast, lunch,
    dinner, dish, dishes, recipe, recipes, cuisine""")
CUISINES = _list("""italian, japanese, chinese, mexican, thai, indian, french, greek, spanish, korean, vietnamese, turkish,
    lebanese, mediterranean, middle eastern, american, cajun, peruvian, brazilian, ethiopian, moroccan, german, british,
    caribbean, cuban, hawaiian, filipino, indonesian, persian, albanian, vegan, vegetarian""")
DRINKS = _list("""coffee, espresso, latte, cappuccino, americano, mocha, cold brew, tea, green tea, mint tea, chai, matcha,
    bubble tea, boba, juice, lemonade, smoothie, smoothies, milkshake, soda, cola, wine, beer, cider, cocktail, cocktails,
    margarita, mojito, martini, sangria, champagne, prosecco, whiskey, whisky, vodka, gin, rum, tequila, sake, kombucha,
    hot chocolate, drinks, alcohol""")
COUNTRIES = _list("""afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria, azerbaijan, bahamas,
    bahrain, bangladesh, barbados, belarus, belgium, belize, bhutan, bolivia, bosnia, botswana, brazil, bulgaria, cambodia,
    cameroon, canada, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus, czechia, czech republic, denmark,
    dominican republic, ecuador, egypt, el salvador, estonia, ethiopia, fiji, finland, france, germany, ghana, greece,
    guatemala, haiti, honduras, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, jamaica, japan,
    jordan, kazakhstan, kenya, kosovo, kuwait, laos, latvia, lebanon, libya, lithuania, luxembourg, madagascar, malaysia,
    maldives, malta, mauritius, mexico, moldova, monaco, mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal,
    netherlands, holland, new zealand, nicaragua, nigeria, north korea, north macedonia, macedonia, norway, oman, pakistan,
    palestine, panama, paraguay, peru, philippines, poland, portugal, qatar, romania, russia, rwanda, saudi arabia, senegal,
    serbia, seychelles, singapore, slovakia, slovenia, somalia, south africa, south korea, korea, spain, sri lanka, sudan,
    sweden, switzerland, syria, taiwan, tanzania, thailand, tunisia, turkey, uganda, ukraine, united arab emirates, uae,
    united kingdom, uk, britain, england, scotland, wales, united states, usa, america, uruguay, uzbekistan, venezuela,
    vietnam, yemen, zambia, zimbabwe, puerto rico, greenland, europe, asia, africa, caribbean, bali""")
CITIES = _list("""new york, new york city, nyc, los angeles, san francisco, san diego, chicago, houston, dallas, austin, miami,
    orlando, tampa, atlanta, boston, philadelphia, washington, seattle, portland, denver, las vegas, vegas, phoenix,
    salt lake city, nashville, new orleans, detroit, minneapolis, honolulu, san antonio, san jose, sacramento, charlotte,
    baltimore, pittsburgh, toronto, vancouver, montreal, mexico city, cancun, havana, rio de janeiro, sao paulo,
    buenos aires, lima, bogota, santiago, london, manchester, liverpool, edinburgh, glasgow, dublin, paris, lyon, marseille,
    madrid, barcelona, seville, valencia, lisbon, porto, rome, milan, venice, florence, naples, turin, berlin, munich,
    hamburg, frankfurt, amsterdam, brussels, vienna, prague, budapest, warsaw, krakow, zurich, geneva, copenhagen,
    stockholm, oslo, helsinki, reykjavik, athens, istanbul, moscow, kyiv, kiev, dubrovnik, belgrade, bucharest, sofia,
    tirana, cairo, marrakech, casablanca, cape town, johannesburg, nairobi, lagos, dubai, abu dhabi, doha, tel aviv,
    jerusalem, beirut, riyadh, mumbai, delhi, new delhi, bangalore, goa, bangkok, phuket, kuala lumpur, jakarta, manila,
    hanoi, ho chi minh city, tokyo, kyoto, osaka, seoul, busan, beijing, shanghai, hong kong, taipei, sydney, melbourne,
    brisbane, perth, auckland""")
STATES = _list("""alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, hawaii, idaho,
    illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi,
    missouri, montana, nebraska, nevada, new hampshire, new jersey, new mexico, north carolina, north dakota, ohio, oklahoma,
    oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont, virginia,
    west virginia, wisconsin, wyoming""")
SIGHTS = _list("""beach, beaches, park, museum, museums, gallery, island, islands, mountain, mountains, lake, national park, zoo,
    aquarium, theme park, amusement park, waterpark, water park, disney, disneyland, disney world, resort, restaurant, cafe,
    bar, club, stadium, cathedral, temple, castle, palace, market, mall, canyon, grand canyon, desert,
    forest, coast, trail, trails""")
MUSIC = _list("""pop, rock, jazz, blues, hip hop, hip-hop, rap, r&b, soul, funk, disco, country music, folk, classical, opera,
    metal, punk, indie, electronic, edm, techno, house music, reggae, reggaeton, latin, salsa, k-pop, kpop, afrobeats, gospel,
    lo-fi, lofi, bachata, flamenco, band, bands, album, albums, song, songs, concert, concerts, singer, rapper""")
INSTRUMENTS = _list("""guitar, bass, piano, keyboard, drums, violin, viola, cello, flute, clarinet, saxophone, sax, trumpet,
    trombone, harp, ukulele, banjo, mandolin, harmonica, accordion, organ""")
SCREEN = _list("""comedy, comedies, horror, action, thriller, thrillers, drama, dramas, romance, romantic comedy, rom-com,
    documentary, documentaries, sci-fi, science fiction, fantasy, animation, animated, anime, cartoon, cartoons, sitcom,
    sitcoms, mystery, crime, musical, superhero, marvel, reality show, k-drama, kdrama, series, season, episode, episodes,
    netflix, hbo, movie, movies, film, films, show, shows""")
BOOKS = _list("""novel, novels, fiction, nonfiction, non-fiction, memoir, memoirs, biography, autobiography, poetry, poems,
    fantasy, sci-fi, science fiction, mystery, thriller, romance, self-help, classics, manga, comics, graphic novel,
    short stories, book, books, author, read, reading""")
PETS = _list("""dog, dogs, puppy, puppies, cat, cats, kitten, kittens, hamster, rabbit, rabbits, bunny, guinea pig, parrot, bird,
    birds, fish, goldfish, turtle, tortoise, snake, lizard, gecko, horse, horses, pony, ferret, chickens""")
LANGUAGES = _list("""english, spanish, french, german, italian, portuguese, russian, chinese, mandarin, cantonese, japanese,
    korean, arabic, hindi, urdu, turkish, greek, dutch, swedish, norwegian, danish, polish, czech, hungarian, romanian,
    albanian, serbian, croatian, ukrainian, hebrew, persian, farsi, thai, vietnamese, indonesian, tagalog, swahili, latin,
    sign language""")
SUBJECTS = _list("""law, medicine, nursing, pharmacy, engineering, computer science, software engineering, data science,
    mathematics, math, maths, physics, chemistry, biology, psychology, sociology, economics, business, finance, accounting,
    marketing, management, political science, politics, international relations, history, philosophy, literature,
    linguistics, architecture, art, design, graphic design, fashion design, film, journalism, communications, education,
    neuroscience, biochemistry, geography, anthropology, statistics, technology, tech""")
COSMETICS = _list("""cream, creams, moisturizer, moisturiser, serum, serums, cleanser, toner, sunscreen, spf, lotion, mask, masks,
    makeup, make-up, foundation, concealer, mascara, lipstick, lip gloss, eyeliner, eyeshadow, blush, bronzer, primer,
    perfume, shampoo, conditioner, hair dye, nail polish, retinol, vitamin c, hyaluronic acid""")

PLACES = COUNTRIES | CITIES | STATES | SIGHTS
# A category word as a question says it (singular and plural) -> its members.
CATEGORIES: dict[str, frozenset[str]] = {}
for _words, _members in [
    ("sport sports game games athletics", SPORTS),
    ("exercise exercises workout workouts fitness training", EXERCISE),
    ("hobby hobbies pastime pastimes activity activities interest interests", HOBBIES),
    ("food foods dish dishes meal meals cuisine cuisines snack snacks recipe recipes dessert desserts", FOODS | CUISINES),
    ("drink drinks beverage beverages", DRINKS),
    ("country countries nation nations", COUNTRIES),
    ("city cities town towns", CITIES),
    ("state states", STATES),
    ("place places destination destinations location locations", PLACES),
    ("music genre genres song songs band bands artist artists", MUSIC),
    ("instrument instruments", INSTRUMENTS),
    ("movie movies film films show shows series", SCREEN),
    ("book books novel novels", BOOKS),
    ("pet pets animal animals", PETS),
    ("language languages", LANGUAGES),
    ("subject subjects major majors degree degrees field fields", SUBJECTS),
    ("cosmetic cosmetics skincare makeup", COSMETICS),
]:
    for _w in _words.split():
        CATEGORIES[_w] = CATEGORIES.get(_w, frozenset()) | _members

_WORD = re.compile(r"[a-z]+")


def asked(question: str) -> frozenset[str]:
    """The members of the categories a question asks by: "What sports does Kevin play?" -> football, golf ..."""
    out: frozenset[str] = frozenset()
    for w in _WORD.findall(question.lower()):
        out |= CATEGORIES.get(w, frozenset())
    return out


_TOKEN = re.compile(r"[a-z0-9&]+(?:-[a-z0-9&]+)*")  # "jiu-jitsu" one word, and "pre-match" no "match"
LONGEST = 4  # words in the longest member ("ho chi minh city")


def _key(member: str) -> str:
    """A member as its words, in lower case."""
    return " ".join(_TOKEN.findall(member.lower()))


def naming(members: frozenset[str], text: str) -> int:
    """How many different members of these a text names, as whole words or phrases, the longest first ("table
    tennis", not "tennis" too), a plural "s" or "es" allowed ("burgers")."""
    if not members or not text:
        return 0
    keys, firsts, forms = _keys(members)
    words = _TOKEN.findall(text.lower())
    if forms.isdisjoint(words) and firsts.isdisjoint(words):  # most texts name none: told apart at once
        return 0
    found, i = set(), 0
    while i < len(words):
        step = 1
        for n in range(min(LONGEST, len(words) - i) if words[i] in firsts else 1, 0, -1):
            said = " ".join(words[i:i + n])
            plural = (said[:-1], said[:-2] if said.endswith("es") else None) if said.endswith("s") else ()
            form = next((f for f in (said, *plural) if f in keys), None)
            if form:
                found.add(form)
                step = n
                break
        i += step
    return len(found)


_keyed: dict[frozenset, tuple[frozenset, frozenset, frozenset]] = {}


def _keys(members: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The members as words alone, the first words of those of several words, and the words a member of one word
    is said as (itself, with "s", with "es")."""
    if members not in _keyed:
        if len(_keyed) > 64:
            _keyed.clear()
        keys = frozenset(_key(m) for m in members)
        one = [k for k in keys if " " not in k]
        _keyed[members] = (keys, frozenset(k.split()[0] for k in keys if " " in k),
                           frozenset(one) | {k + "s" for k in one} | {k + "es" for k in one})
    return _keyed[members]
