"""Generates labelled sentences (text + character spans) from templates.txt and the Bogus locale data."""
import os, random, re
import locale_data as L

HERE = os.path.dirname(os.path.abspath(__file__))
SLOT = re.compile(r'\{([A-Z]+)\}')
LABEL_OF = {'PER': 'PER', 'FIRST': 'PER', 'LAST': 'PER', 'CITY': 'LOC', 'COUNTRY': 'LOC', 'REGION': 'LOC',
            'LOC': 'LOC', 'ORG': 'ORG', 'NRP': 'NRP', 'STREET': 'LOC', 'ADDR': 'LOC', 'BRAND': 'ORG'}
# A street address (street line, or street + city + postcode + country) is one LOCATION span: anonymizing it whole is
# what the product needs, and splitting it would leave fragments ("Apt. 12", a postcode) in clear.
# Field separators seen in exported records and badly converted text ("???" is a mangled bullet).
RECORD_SEPS = ['\n', '\n', '  ', ' ??? ', ' >', ' | ', ' • ', ', ', ' ; ', ' - ']
# Invented product/company names ("Civinomics", "BioFlower", "Open Data Nation"): brands are mostly not in any list.
BRAND_ROOTS = ['Civi', 'Fact', 'Quand', 'Health', 'Map', 'Data', 'Open', 'Geo', 'Bio', 'Cloud', 'Smart', 'Pay', 'Med',
               'Fin', 'Edu', 'Agri', 'Aqua', 'Terra', 'Nova', 'Zen', 'Lumi', 'Vox', 'Pixel', 'Hyper', 'Omni', 'Sky',
               'Blue', 'Green', 'Bright', 'True', 'Next', 'Insight', 'Clear', 'Code', 'Urban', 'Civic', 'Policy', 'Vita',
               'Care', 'Trans', 'Enviro', 'Power', 'Solar', 'Star', 'Sun', 'Iron', 'Gold', 'Rock', 'River', 'Ocean',
               'Nau', 'Inno', 'Kinet', 'Loca', 'Metro', 'Neuro', 'Opti', 'Prime', 'Quant', 'Retail', 'Soci', 'Tele',
               'Uni', 'Veri', 'Work', 'Yield', 'Zillo', 'Castle', 'Harbor', 'Summit', 'Apex', 'Atlas', 'Beacon']
BRAND_TAILS = ['nomics', 'set', 'map', 'metrics', 'ify', 'ly', 'io', 'soft', 'tech', 'labs', 'base', 'graph', 'stack',
               'hub', 'works', 'flow', 'ware', 'logic', 'sense', 'point', 'wise', 'scape', 'matic', 'tics', 'gen', 'ix',
               'ora', 'ium', 'vore', 'ography', 'lytics', 'dl', 'sourced', 'edu', 'finder', 'trak', 'cast', 'ster']
BRAND_WORDS = ['Flower', 'Advocate', 'Helix', 'Census', 'Nation', 'App', 'Explorer', 'Research', 'Analytics', 'Insights',
               'Biosciences', 'Technologies', 'Health', 'Data', 'Labs', 'Works', 'Energy', 'Capital', 'Media', 'Systems',
               'Metrics', 'Seed', 'Path', 'Bridge', 'Gate', 'Line', 'Point', 'Field', 'Wave', 'Mind', 'Link', 'Box']
# Capitalised phrases that are not entities: song, book and film titles, products, headlines, teams.
NON_ENTITY_TITLES = ['Tube Snake Boogie', 'Cautionary Tales', 'White Stripes', 'Entertainment Weekly', 'Fuse TV',
                     'Seven Nation Army', 'Blue Monday', 'Purple Rain', 'Wonderwall', 'Smells Like Teen Spirit',
                     'Pride and Prejudice', 'War and Peace', 'The Great Gatsby', 'Breaking Bad', 'Game of Thrones',
                     'Black Mirror', 'Top Gun', 'Star Wars', 'Three Killed in Crash', 'Rolling Stone', 'Billboard Hot 100',
                     'Super Bowl', 'World Cup', 'Premier League', 'Champions League', 'Happy Hour', 'Black Friday',
                     'Cyber Monday', 'Daylight Saving Time', 'Terms of Service', 'Privacy Policy', 'Customer Service',
                     'Quick Start Guide', 'Annual Report', 'Board Meeting', 'Lost and Found', 'Help Desk', 'Sales Team']
JOBS = ['nurse', 'software engineer', 'teacher', 'accountant', 'lawyer', 'designer', 'Data Scientist',
        'Product Manager', 'sales manager', 'chef', 'pilot', 'journalist', 'pharmacist', 'CEO', 'CTO', 'consultant',
        'Senior Developer', 'architect', 'electrician', 'driver', 'professor', 'student', 'researcher']
PRODUCTS = ['iPhone', 'router', 'Premium Plan', 'laptop', 'Model X', 'washing machine', 'PlayStation', 'Kindle',
            'Office 365', 'Pro subscription', 'printer', 'Smart TV', 'coffee maker', 'Galaxy S21', 'dashboard']
COLORS = ['Red', 'Blue', 'Midnight Black', 'Silver', 'Rose Gold', 'Forest Green', 'white', 'grey']
LANGS = ['English', 'French', 'German', 'Spanish', 'Italian', 'Polish', 'Russian', 'Arabic', 'Hindi', 'Dutch']
DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
          'November', 'December']
STREET_SUFFIX = ['Street', 'St.', 'Avenue', 'Ave', 'Road', 'Rd', 'Lane', 'Boulevard', 'Drive', 'Way', 'Court']


class CorpusGenerator:
    def __init__(self, seed, templates_path=os.path.join(HERE, 'templates.txt')):
        self.rng = random.Random(seed)
        with open(templates_path, encoding='utf-8') as f:
            lines = [l.rstrip('\n') for l in f if l.strip() and not l.startswith('#')]
        self.templates = lines
        locs = L.load_locales()
        by_name = {l.name: l for l in locs}
        self.english = by_name['English']
        self.locales = [l for l in locs if l.name not in ('Japanese', 'Chinese', 'Chinese_Taiwan', 'Korean')]
        # English-speaking locales carry the product's main traffic: weight them up.
        self.weights = [6 if l.name in L.ENGLISH else (1 if L.is_latin(' '.join(l.values('name', 'last_name')[:20])) else 0.3)
                        for l in self.locales]
        lex = L.lexicon(locs)
        self.countries_en = [c for c in self.english.values('address', 'country') if '(' not in c]
        self.states_en = self.english.values('address', 'state')
        self.world_cities = L.WORLD_CITIES
        self.regions = L.REGIONS
        self.all_countries = [c for c in lex['countries'] if '(' not in c]

    def locale(self):
        return self.rng.choices(self.locales, self.weights)[0]

    def _get(self, loc, cat, key):
        v = loc.expand(cat, key, self.rng)
        if not v:
            v = self.english.expand(cat, key, self.rng)
        return v

    def first(self, loc):
        keys = ['first_name', 'male_first_name', 'female_first_name']
        self.rng.shuffle(keys)
        for k in keys:
            v = loc.expand('name', k, self.rng)
            if v:
                return v
        return self.english.expand('name', 'first_name', self.rng)

    def last(self, loc):
        for k in ('last_name', 'male_last_name', 'female_last_name'):
            v = loc.expand('name', k, self.rng)
            if v:
                return v
        return self.english.expand('name', 'last_name', self.rng)

    def person(self, loc):
        r = self.rng.random()
        if r < 0.55:
            return f'{self.first(loc)} {self.last(loc)}'
        if r < 0.65:
            return f'{self.first(loc)} {self.rng.choice("ABCDEFGHJKLMNPRSTW")}. {self.last(loc)}'
        if r < 0.72:
            return f'{self.first(loc)} {self.first(loc)} {self.last(loc)}'
        if r < 0.78:
            return f'{self.first(loc)} {self.last(loc)}-{self.last(loc)}'
        if r < 0.82:
            return f"{self.first(loc)} {self.rng.choice(['O', 'D', 'Mc', 'Mac', 'van ', 'de ', 'von ', 'di ', 'Le '])}" \
                   f"{'' if self.rng.random() < .5 else chr(39)}{self.last(loc)}"
        if r < 0.85:
            return f'{self.first(loc)[0]}. {self.last(loc)}'
        v = loc.expand('name', 'name', self.rng)
        if not v or '#' in v:
            return f'{self.first(loc)} {self.last(loc)}'
        # Drop prefixes/suffixes Bogus puts in full names (Dr., Jr.): titles are not part of the entity here.
        parts = [p for p in v.split() if p not in loc.values('name', 'prefix') and p not in loc.values('name', 'suffix')]
        return ' '.join(parts) or f'{self.first(loc)} {self.last(loc)}'

    def city(self, loc):
        r = self.rng.random()
        if r < 0.4:
            return self.rng.choice(self.world_cities)
        v = self._get(loc, 'address', 'city')
        if not v or '#' in v:
            return self.rng.choice(self.world_cities)
        return v

    def country(self, loc):
        r = self.rng.random()
        if r < 0.7:
            return self.rng.choice(self.countries_en)
        return self.rng.choice(self.all_countries)

    def region(self, loc):
        r = self.rng.random()
        if r < 0.35:
            return self.rng.choice(self.states_en)
        if r < 0.7:
            return self.rng.choice(self.regions)
        v = self._get(loc, 'address', 'state')
        return v or self.rng.choice(self.regions)

    def org(self, loc):
        r = self.rng.random()
        if r < 0.2:
            return self.rng.choice(L.ORG_FAMOUS)
        if r < 0.5:
            v = self._get(loc, 'company', 'name')
            if v and '#' not in v:
                return v
        if r < 0.65:
            return f'{self.last(loc)} {self.rng.choice(L.ORG_SUFFIXES)}'
        if r < 0.8:
            return f'{self.last(loc)} {self.rng.choice(L.ORG_WORDS)}' + \
                   (f' {self.rng.choice(L.ORG_SUFFIXES)}' if self.rng.random() < .5 else '')
        if r < 0.9:
            c = self.city(loc)
            return self.rng.choice([f'University of {c}', f'{c} General Hospital', f'Bank of {c}',
                                    f'{c} City Council', f'{c} {self.rng.choice(L.ORG_WORDS)}'])
        if self.rng.random() < 0.5:
            return f'{self.last(loc)}, {self.last(loc)} and {self.last(loc)}'
        return f'{self.last(loc)}-{self.last(loc)}'

    def digits(self, pattern):
        return ''.join(str(self.rng.randint(0, 9)) if c == '#' else
                       (self.rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') if c == '?' else c) for c in pattern)

    def street(self, loc):
        """One street line in the locale's own format ("Kromwater 38", "12 rue de la Paix", "4022 Oakridge Lane")."""
        rng = self.rng
        v = self._get(loc, 'address', 'street_address') if rng.random() < 0.8 else None
        if not v or not L.is_latin(v):
            v = f'{rng.randint(1, 9999)} {self.last(self.english)} {rng.choice(STREET_SUFFIX)}'
        v = self.digits(v)
        r = rng.random()
        if r < 0.2 and not v[:1].isdigit():
            v = f'{rng.randint(1, 99):02d} {v}'   # a building number in front of a locale that puts it after
        elif r < 0.3:
            v = f'{v} {self.digits(rng.choice(["Apt. ###", "Suite ###", "Unit ##", "Flat #", "Apt ##"]))}'
        return v

    def military(self):
        rng = self.rng
        code = f'{rng.choice(["AA", "AE", "AP"])} {rng.randint(0, 99999):05d}'
        return rng.choice([f'PSC {rng.randint(1000, 9999)}, Box {rng.randint(1000, 9999)}{rng.choice([chr(10), " ", ", "])}APO {code}',
                           f'Unit {rng.randint(1000, 9999)} Box {rng.randint(1000, 9999)}{rng.choice([chr(10), " ", ", "])}DPO {code}',
                           f'{rng.choice(["USNS", "USS", "USNV", "USCGC"])} {self.last(self.english)}{rng.choice([chr(10), " ", ", "])}FPO {code}'])

    def address(self, loc):
        """A whole postal address as one span, single- or multi-line."""
        rng = self.rng
        if rng.random() < 0.08:
            return self.military()
        parts = [self.street(loc)]
        if rng.random() < 0.1:
            parts = [f'P.O. Box {rng.randint(1, 9999)}']
        if rng.random() < 0.25:
            parts.append(self.digits(rng.choice(['Apt. ###', 'Suite ###', 'Apt. ###', 'Floor #'])))
        city = self.city(loc)
        pc = loc.values('address', 'postcode') or ['#####']
        postcode = self.digits(rng.choice(pc))
        r = rng.random()
        if r < 0.3:
            parts.append(f'{city}, {rng.choice(self.english.values("address", "state_abbr"))} {postcode}')
        elif r < 0.5:
            parts.append(f'{postcode} {city}')
        elif r < 0.6:
            parts.append(city.upper())
        else:
            parts.append(city)
        if rng.random() < 0.55:
            c = self.country(loc)
            parts.append(c if rng.random() < 0.6 else f'{c} {postcode}')
        sep = rng.choice([', ', ', ', ' ', '\n', '  ', ',\n'])
        return sep.join(parts)

    def brand(self):
        rng = self.rng
        r = rng.random()
        if r < 0.35:
            return rng.choice(BRAND_ROOTS) + rng.choice(BRAND_TAILS)
        if r < 0.55:
            return rng.choice(BRAND_ROOTS) + rng.choice(BRAND_WORDS)
        if r < 0.8:
            return f'{rng.choice(BRAND_ROOTS)}{rng.choice(["", rng.choice(BRAND_TAILS)])} {rng.choice(BRAND_WORDS)}'
        return f'{rng.choice(BRAND_WORDS)} {rng.choice(BRAND_WORDS)} {rng.choice(BRAND_WORDS)}'

    def plain(self, slot, loc):
        rng = self.rng
        if slot == 'TITLE':
            return rng.choice(L.TITLES)
        if slot == 'DATE':
            return rng.choice([f'{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1950, 2025)}',
                               f'{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1950, 2025)}',
                               f'{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(1950, 2025)}',
                               f'{rng.randint(1950, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'])
        if slot == 'EMAIL':
            return f'{self.first(self.english).lower()}.{rng.randint(1, 99)}@example.{rng.choice(["com", "org", "net"])}'
        if slot == 'PHONE':
            return rng.choice([f'+1 {rng.randint(200, 999)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}',
                               f'({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}',
                               f'+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}'])
        if slot == 'CTITLE':
            return rng.choice(NON_ENTITY_TITLES + [self._get(self.english, 'team', 'name') or 'Texas bears'.title()])
        if slot == 'ROLE':
            return rng.choice(['Producer', 'Director', 'Senator', 'Coach', 'Manager', 'Editor', 'Chairman', 'Judge',
                               'Inspector', 'Agent', 'Detective', 'Governor', 'Minister', 'Ambassador', 'Pastor'])
        if slot == 'NUM':
            return str(rng.randint(2, 99))
        if slot == 'YEAR':
            return str(rng.randint(1950, 2025))
        if slot == 'JOB':
            return rng.choice(JOBS)
        if slot == 'DAY':
            return rng.choice(DAYS)
        if slot == 'MONTH':
            return rng.choice(MONTHS)
        if slot == 'PRODUCT':
            return rng.choice(PRODUCTS)
        if slot == 'MONEY':
            return rng.choice([f'${rng.randint(1, 999)}', f'€{rng.randint(1, 999)},00', f'{rng.randint(1, 99)} million dollars'])
        if slot == 'ID':
            return f'#{rng.randint(10000, 999999)}'
        if slot == 'COLOR':
            return rng.choice(COLORS)
        if slot == 'LANG':
            return rng.choice(LANGS)
        raise KeyError(slot)

    def entity(self, slot, loc):
        if slot == 'PER':
            return self.person(loc)
        if slot == 'FIRST':
            return self.first(loc)
        if slot == 'LAST':
            return self.last(loc)
        if slot == 'CITY':
            return self.city(loc)
        if slot == 'COUNTRY':
            return self.country(loc)
        if slot == 'REGION':
            return self.region(loc)
        if slot == 'LOC':
            return self.rng.choice([self.city, self.country, self.region])(loc)
        if slot == 'ORG':
            return self.org(loc) if self.rng.random() < 0.75 else self.brand()
        if slot == 'BRAND':
            return self.brand()
        if slot == 'STREET':
            return self.street(loc)
        if slot == 'ADDR':
            return self.address(loc)
        if slot == 'NRP':
            return self.rng.choice(L.NRP)
        raise KeyError(slot)

    def fill(self, template):
        loc = self.locale()
        out, spans, pos = [], [], 0
        last = 0
        for m in SLOT.finditer(template):
            out.append(template[last:m.start()])
            pos += m.start() - last
            slot = m.group(1)
            if slot in LABEL_OF:
                v = self.entity(slot, loc)
                label = LABEL_OF[slot]
                # "{FIRST} {LAST}" is one name: adjacent same-type slots separated by one space form one span.
                if spans and spans[-1][2] == label and spans[-1][1] == pos - 1 and template[m.start() - 1] == ' ':
                    spans[-1] = (spans[-1][0], pos + len(v), label)
                else:
                    spans.append((pos, pos + len(v), label))
            else:
                v = self.plain(slot, loc)
            out.append(v)
            pos += len(v)
            last = m.end()
        out.append(template[last:])
        return ''.join(out), spans

    def record(self):
        """A contact record or business card: fields joined by one separator ("Ann Lee ??? Acme Ltd ??? 1 Main St")."""
        rng = self.rng
        loc = self.locale()
        fields = []
        if rng.random() < 0.9:
            fields.append((f'{rng.choice(L.TITLES)} ' if rng.random() < 0.2 else '', self.person(loc), 'PER'))
        if rng.random() < 0.3:
            fields.append(('', rng.choice(JOBS).title(), None))
        if rng.random() < 0.6:
            fields.append(('', self.org(loc) if rng.random() < 0.6 else self.brand(), 'ORG'))
        if rng.random() < 0.85:
            if rng.random() < 0.6:
                fields.append(('', self.address(loc), 'LOC'))
            else:  # the address's lines as separate fields, each its own span
                fields.append(('', self.street(loc), 'LOC'))
                fields.append(('', self.city(loc), 'LOC'))
                if rng.random() < 0.6:
                    fields.append(('', self.country(loc), 'LOC'))
        if rng.random() < 0.5:
            fields.append(('', self.plain('PHONE', loc), None))
        if rng.random() < 0.3:
            fields.append(('', self.plain('EMAIL', loc), None))
        if not fields:
            fields.append(('', self.person(loc), 'PER'))
        sep = rng.choice(RECORD_SEPS)
        text, spans = (rng.choice(['', '', '>', '??? ', '- ']), [])
        for i, (prefix, value, label) in enumerate(fields):
            if i:
                text += sep
            text += prefix
            if label:
                spans.append((len(text), len(text) + len(value), label))
            text += value
        return text, spans

    def sample(self):
        """One text: one to three filled templates or a record, sometimes re-cased."""
        n = self.rng.choices([1, 2, 3], [0.6, 0.3, 0.1])[0]
        text, spans = '', []
        for i in range(n):
            t, s = self.record() if self.rng.random() < 0.12 else self.fill(self.rng.choice(self.templates))
            sep = '' if i == 0 else self.rng.choice([' ', ' ', '\n', '  '])
            off = len(text) + len(sep)
            text += sep + t
            spans += [(a + off, b + off, l) for a, b, l in s]
        r = self.rng.random()
        # Re-case character by character: 'İ'.lower() is two characters and would shift every span after it.
        if r < 0.09:
            text = ''.join(c.lower() if len(c.lower()) == 1 else c for c in text)
        elif r < 0.11:
            text = ''.join(c.upper() if len(c.upper()) == 1 else c for c in text)
        return text, spans
