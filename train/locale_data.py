"""Locale data (names, places, companies) from the Bogus NuGet package, plus small hand-written lists.

Run extract_bogus.py first; it writes data/locales/*.json. Template strings such as
'#{Name.last_name} #{suffix}' are expanded the way Bogus does.
"""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
LOCALE_DIR = os.path.join(HERE, 'data', 'locales')
TEMPLATE = re.compile(r'#\{([A-Za-z_.]+)\}')

# Locales whose script the default model is meant for; others still feed the gazetteer of non-Latin names.
ENGLISH = {'English', 'English_Australia', 'English_Canada', 'English_Great_Britain', 'English_Ireland',
           'English_India', 'Nigeria_English', 'English_United_States', 'English_South_Africa'}
SKIP = {'English_Bork', 'English_Australia_Ocker'}

# Real places that Bogus lacks in most locales (it generates fantasy cities like "North Johnstad").
WORLD_CITIES = """New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|
Seattle|Denver|Boston|Atlanta|Miami|Detroit|Portland|Las Vegas|Nashville|Baltimore|Milwaukee|Minneapolis|
New Orleans|Cleveland|Pittsburgh|Sacramento|Kansas City|Salt Lake City|Honolulu|Anchorage|Toronto|Montreal|Montréal|
Vancouver|Calgary|Ottawa|Québec|Mexico City|Guadalajara|Monterrey|Bogotá|Medellín|Lima|Santiago|Buenos Aires|
Córdoba|São Paulo|Rio de Janeiro|Brasília|Belo Horizonte|Porto Alegre|Caracas|Quito|Montevideo|La Paz|Havana|
London|Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|Dublin|Cork|Paris|Marseille|
Lyon|Toulouse|Nice|Bordeaux|Lille|Strasbourg|Berlin|Hamburg|Munich|München|Köln|Cologne|Frankfurt|Stuttgart|
Düsseldorf|Leipzig|Dresden|Nürnberg|Hannover|Bremen|Vienna|Wien|Graz|Salzburg|Zürich|Zurich|Geneva|Genève|Bern|Basel|
Lausanne|Amsterdam|Rotterdam|The Hague|Utrecht|Eindhoven|Brussels|Antwerp|Antwerpen|Ghent|Luxembourg|Madrid|Barcelona|
Valencia|Sevilla|Seville|Málaga|Bilbao|Zaragoza|Lisbon|Lisboa|Porto|Rome|Roma|Milan|Milano|Naples|Napoli|Turin|Torino|
Florence|Firenze|Venice|Bologna|Palermo|Genoa|Athens|Thessaloniki|Copenhagen|København|Aarhus|Oslo|Bergen|Stockholm|
Göteborg|Gothenburg|Malmö|Helsinki|Tampere|Reykjavík|Warsaw|Warszawa|Kraków|Łódź|Wrocław|Gdańsk|Poznań|Prague|Praha|
Brno|Bratislava|Košice|Budapest|Debrecen|Bucharest|București|Cluj-Napoca|Sofia|Belgrade|Zagreb|Ljubljana|Sarajevo|
Tirana|Skopje|Riga|Tallinn|Vilnius|Kyiv|Kiev|Lviv|Kharkiv|Odesa|Minsk|Moscow|Saint Petersburg|St. Petersburg|
Novosibirsk|Yekaterinburg|Kazan|Istanbul|Ankara|İzmir|Tbilisi|Yerevan|Baku|Tel Aviv|Jerusalem|Haifa|Beirut|Amman|
Damascus|Baghdad|Tehran|Riyadh|Jeddah|Dubai|Abu Dhabi|Doha|Kuwait City|Muscat|Cairo|Alexandria|Casablanca|Marrakesh|
Rabat|Tunis|Algiers|Lagos|Abuja|Accra|Dakar|Nairobi|Mombasa|Addis Ababa|Kampala|Kigali|Dar es Salaam|Johannesburg|
Cape Town|Durban|Pretoria|Harare|Lusaka|Luanda|Kinshasa|Mumbai|Delhi|New Delhi|Bangalore|Bengaluru|Chennai|Kolkata|
Hyderabad|Pune|Ahmedabad|Karachi|Lahore|Islamabad|Dhaka|Kathmandu|Colombo|Bangkok|Chiang Mai|Hanoi|Ho Chi Minh City|
Phnom Penh|Kuala Lumpur|Singapore|Jakarta|Surabaya|Bali|Manila|Cebu|Beijing|Shanghai|Shenzhen|Guangzhou|Chengdu|
Wuhan|Hong Kong|Macau|Taipei|Seoul|Busan|Tokyo|Osaka|Kyoto|Yokohama|Sapporo|Nagoya|Ulaanbaatar|Sydney|Melbourne|
Brisbane|Perth|Adelaide|Canberra|Auckland|Wellington|Christchurch""".replace('\n', '').split('|')

REGIONS = """California|Texas|Florida|New York State|Ontario|Quebec|British Columbia|Alberta|Bavaria|Bayern|Saxony|
Catalonia|Cataluña|Andalusia|Tuscany|Toscana|Lombardy|Provence|Normandy|Brittany|Scotland|Wales|England|
Northern Ireland|Flanders|Wallonia|Silesia|Bohemia|Moravia|Transylvania|Siberia|Crimea|Kurdistan|Punjab|Bengal|
Kerala|Queensland|Victoria|New South Wales|Tasmania|Patagonia|Yucatán|Sicily|Sardinia|Corsica|Andalucía|Galicia|
Lapland|Jutland|Anatolia|Kashmir|Tibet|Xinjiang|Hokkaido|Okinawa|Borneo|Java|Sumatra|Mindanao|Silicon Valley|
the Bay Area|the Midwest|New England|the Balkans|Scandinavia|the Middle East|Southeast Asia|West Africa|East Africa|
Latin America|Central America|the Caribbean|the Alps|the Pyrenees|the Rockies""".replace('\n', '').split('|')

NRP = """American|Americans|British|English|Scottish|Welsh|Irish|French|German|Germans|Italian|Italians|Spanish|
Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Icelandic|Polish|Czech|Slovak|Hungarian|
Romanian|Bulgarian|Greek|Turkish|Russian|Russians|Ukrainian|Ukrainians|Belarusian|Lithuanian|Latvian|Estonian|Serbian|
Croatian|Bosnian|Albanian|Georgian|Armenian|Azerbaijani|Israeli|Palestinian|Palestinians|Lebanese|Syrian|Iraqi|Iranian|
Persian|Saudi|Egyptian|Moroccan|Algerian|Tunisian|Nigerian|Ghanaian|Kenyan|Ethiopian|Somali|South African|Indian|
Indians|Pakistani|Bangladeshi|Nepali|Sri Lankan|Afghan|Chinese|Japanese|Korean|Vietnamese|Thai|Filipino|Filipina|
Indonesian|Malaysian|Australian|Canadian|Mexican|Mexicans|Brazilian|Argentinian|Argentine|Colombian|Chilean|
Peruvian|Venezuelan|Cuban|Haitian|Jamaican|Puerto Rican|Hispanic|Latino|Latina|Latinx|Arab|Arabs|Asian|
African American|Native American|Indigenous|Jewish|Jews|Muslim|Muslims|Christian|Christians|Catholic|Catholics|
Protestant|Protestants|Evangelical|Orthodox|Anglican|Lutheran|Methodist|Baptist|Mormon|Hindu|Hindus|Sikh|Sikhs|
Buddhist|Buddhists|Shia|Sunni|Atheist|Agnostic|Democrat|Democrats|Republican|Republicans|Labour|Conservative|
Conservatives|Liberal|Liberals|Socialist|Socialists|Communist|Communists|Green Party|Tory|Tories|Libertarian""".replace('\n', '').split('|')

ORG_WORDS = """Bank|Holdings|Technologies|Systems|Solutions|Consulting|Logistics|Pharmaceuticals|Energy|Insurance|Capital|
Partners|Foods|Motors|Airlines|Media|Labs|Software|Networks|Health|Group|Industries|Ventures|Analytics|Robotics|
Telecom|Foundation|Trust|Realty|Construction|Engineering|Security|Financial|Investments|Hospitality|Retail|Studios|
Biotech|Diagnostics|Shipping|Textiles|Steel|Chemicals|Electronics|Publishing|Brewing|Coffee|Bakery|Dental|Clinic""".replace('\n', '').split('|')
ORG_SUFFIXES = ['Inc.', 'Inc', 'LLC', 'Ltd', 'Ltd.', 'Corp.', 'Corporation', 'Co.', 'PLC', 'GmbH', 'AG', 'S.A.',
                'SARL', 'B.V.', 'N.V.', 'AB', 'ASA', 'Oy', 'S.p.A.', 'SE', 'LLP', 'Group', 'and Sons', '& Co.']
ORG_FAMOUS = """Google|Microsoft|Apple|Amazon|Meta|Facebook|Netflix|Tesla|IBM|Intel|Oracle|SAP|Siemens|Bosch|Volkswagen|
BMW|Toyota|Honda|Samsung|Sony|Nokia|Ericsson|Philips|Unilever|Nestlé|Danone|L'Oréal|Renault|Airbus|Boeing|
Deutsche Bank|HSBC|Barclays|JPMorgan Chase|Goldman Sachs|Morgan Stanley|Citibank|Wells Fargo|Bank of America|
ING|Rabobank|BNP Paribas|Société Générale|UBS|Credit Suisse|Santander|BBVA|Allianz|AXA|Zurich Insurance|Pfizer|
Novartis|Roche|Bayer|Johnson & Johnson|Walmart|Target|Costco|IKEA|Lidl|Aldi|Carrefour|Tesco|Starbucks|McDonald's|
Coca-Cola|PepsiCo|Uber|Airbnb|Spotify|Salesforce|Adobe|Nvidia|AMD|Cisco|Dell|HP|Lenovo|Huawei|Alibaba|Tencent|
Baidu|Infosys|Tata Consultancy Services|Wipro|Accenture|Deloitte|PwC|KPMG|Ernst & Young|McKinsey|FedEx|UPS|DHL|
Maersk|Shell|BP|ExxonMobil|Chevron|TotalEnergies|Gazprom|Aeroflot|Lufthansa|Air France|KLM|Ryanair|easyJet|
Emirates|Qatar Airways|Delta|United Airlines|American Airlines|the United Nations|the World Bank|UNICEF|NATO|
the European Union|the Red Cross|Greenpeace|Oxfam|the FBI|the CIA|the IRS|the NHS|Harvard University|
Stanford University|MIT|Oxford University|Cambridge University|ETH Zürich|Sorbonne|Mayo Clinic""".replace('\n', '').split('|')

TITLES = ['Dr.', 'Dr', 'Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Miss', 'Prof.', 'Professor', 'Sir', 'Dame',
          'Rev.', 'Judge', 'Captain', 'Officer', 'Nurse', 'Herr', 'Frau', 'Madame', 'Monsieur', 'Señor', 'Señora']


def _flat(v):
    if isinstance(v, list):
        return [x for x in v if isinstance(x, str) and x]
    if isinstance(v, dict):
        out = []
        for x in v.values():
            out.extend(_flat(x))
        return out
    return []


class Locale:
    def __init__(self, name, doc):
        self.name = name
        self.doc = doc

    def values(self, cat, key):
        return _flat((self.doc.get(cat) or {}).get(key))

    def expand(self, cat, key, rng, depth=0):
        options = self.values(cat, key)
        if not options:
            return None
        s = rng.choice(options)
        if depth > 4:
            return s
        def sub(m):
            ref = m.group(1)
            c, k = (ref.split('.', 1) if '.' in ref else (cat, ref))
            v = self.expand(c.lower(), k, rng, depth + 1)
            return v if v is not None else ''
        return TEMPLATE.sub(sub, s).strip()


def load_locales():
    out = []
    for f in sorted(os.listdir(LOCALE_DIR)):
        name = f.split('_', 1)[1][:-5]
        if name in SKIP:
            continue
        with open(os.path.join(LOCALE_DIR, f), encoding='utf-8') as fh:
            out.append(Locale(name, json.load(fh)))
    return out


def is_latin(s):
    return all(ord(c) < 0x250 or c in '’ʼ' for c in s)


def lexicon(locales):
    """Name and place lists for the gazetteer, deduplicated."""
    first, last, cities, regions, countries = set(), set(), set(WORLD_CITIES), set(REGIONS), set()
    for loc in locales:
        for k in ('first_name', 'male_first_name', 'female_first_name', 'first_name_men', 'first_name_women'):
            first.update(loc.values('name', k))
        for k in ('last_name', 'male_last_name', 'female_last_name'):
            last.update(loc.values('name', k))
        cities.update(x for x in loc.values('address', 'city_name') if '#' not in x)
        cities.update(x for x in loc.values('address', 'city') if '#' not in x)
        for k in ('state', 'county', 'region', 'province', 'uk_country'):
            regions.update(loc.values('address', k))
        countries.update(loc.values('address', 'country'))
        countries.update(loc.values('address', 'default_country'))
    clean = lambda s: {x.strip() for x in s if x.strip() and len(x.strip()) > 1}
    return {k: sorted(clean(v)) for k, v in
            dict(first=first, last=last, cities=cities, regions=regions, countries=countries).items()}
