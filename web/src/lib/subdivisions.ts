import type { Locale } from '@contracts/http';

/**
 * Names of the ISO 3166-2 subdivisions partners serve most (Italian, German, Austrian and
 * Spanish regions, Swiss cantons, French regions, Portuguese districts and autonomous regions,
 * the UK's nations), in the portal's five languages. Intl.DisplayNames has no subdivision
 * names, and travellers read "Bavaria", not "DE-BY". Each entry: the official local name,
 * the names that differ from it in a portal language, and other names people type
 * ("Bozen", "Algarve"). A code not listed here is shown as "Country · CODE".
 */
type Entry = readonly [local: string, names?: Partial<Record<Locale, string>>, aliases?: readonly string[]];

export const subdivisions: Readonly<Record<string, Entry>> = {
  // Italy: regions, and the two autonomous provinces of Trentino-Alto Adige.
  'IT-21': ['Piemonte', { en: 'Piedmont', de: 'Piemont', fr: 'Piémont', es: 'Piamonte' }],
  'IT-23': ["Valle d'Aosta", { en: 'Aosta Valley', de: 'Aostatal', fr: "Vallée d'Aoste", es: 'Valle de Aosta' }],
  'IT-25': ['Lombardia', { en: 'Lombardy', de: 'Lombardei', fr: 'Lombardie', es: 'Lombardía' }],
  'IT-32': [
    'Trentino-Alto Adige',
    { en: 'Trentino-South Tyrol', de: 'Trentino-Südtirol', fr: 'Trentin-Haut-Adige', es: 'Trentino-Alto Adigio' },
  ],
  'IT-34': ['Veneto', { de: 'Venetien', fr: 'Vénétie', es: 'Véneto' }],
  'IT-36': [
    'Friuli-Venezia Giulia',
    { de: 'Friaul-Julisch Venetien', fr: 'Frioul-Vénétie Julienne', es: 'Friul-Venecia Julia' },
  ],
  'IT-42': ['Liguria', { de: 'Ligurien', fr: 'Ligurie' }],
  'IT-45': ['Emilia-Romagna', { fr: 'Émilie-Romagne', es: 'Emilia-Romaña' }],
  'IT-52': ['Toscana', { en: 'Tuscany', de: 'Toskana', fr: 'Toscane' }],
  'IT-55': ['Umbria', { de: 'Umbrien', fr: 'Ombrie' }],
  'IT-57': ['Marche', { de: 'Marken', fr: 'Marches' }],
  'IT-62': ['Lazio', { de: 'Latium', fr: 'Latium', es: 'Lacio' }],
  'IT-65': ['Abruzzo', { de: 'Abruzzen', fr: 'Abruzzes' }],
  'IT-67': ['Molise'],
  'IT-72': ['Campania', { de: 'Kampanien', fr: 'Campanie' }],
  'IT-75': ['Puglia', { en: 'Apulia', de: 'Apulien', fr: 'Pouilles', es: 'Apulia' }],
  'IT-77': ['Basilicata'],
  'IT-78': ['Calabria', { de: 'Kalabrien', fr: 'Calabre' }],
  'IT-82': ['Sicilia', { en: 'Sicily', de: 'Sizilien', fr: 'Sicile' }],
  'IT-88': ['Sardegna', { en: 'Sardinia', de: 'Sardinien', fr: 'Sardaigne', es: 'Cerdeña' }],
  'IT-BZ': [
    'Alto Adige',
    { en: 'South Tyrol', de: 'Südtirol', fr: 'Haut-Adige', es: 'Alto Adigio' },
    ['Bolzano', 'Bozen'],
  ],
  'IT-TN': ['Trentino', {}, ['Trento', 'Trient']],
  // Germany: Länder.
  'DE-BW': ['Baden-Württemberg', { fr: 'Bade-Wurtemberg', es: 'Baden-Wurtemberg' }],
  'DE-BY': ['Bayern', { en: 'Bavaria', it: 'Baviera', fr: 'Bavière', es: 'Baviera' }],
  'DE-BE': ['Berlin', { it: 'Berlino', es: 'Berlín' }],
  'DE-BB': ['Brandenburg', { it: 'Brandeburgo', fr: 'Brandebourg', es: 'Brandeburgo' }],
  'DE-HB': ['Bremen', { it: 'Brema', fr: 'Brême' }],
  'DE-HH': ['Hamburg', { it: 'Amburgo', fr: 'Hambourg', es: 'Hamburgo' }],
  'DE-HE': ['Hessen', { en: 'Hesse', it: 'Assia', fr: 'Hesse', es: 'Hesse' }],
  'DE-MV': [
    'Mecklenburg-Vorpommern',
    {
      en: 'Mecklenburg-Western Pomerania',
      it: 'Meclemburgo-Pomerania Anteriore',
      fr: 'Mecklembourg-Poméranie-Occidentale',
      es: 'Mecklemburgo-Pomerania Occidental',
    },
  ],
  'DE-NI': ['Niedersachsen', { en: 'Lower Saxony', it: 'Bassa Sassonia', fr: 'Basse-Saxe', es: 'Baja Sajonia' }],
  'DE-NW': [
    'Nordrhein-Westfalen',
    {
      en: 'North Rhine-Westphalia',
      it: 'Renania Settentrionale-Vestfalia',
      fr: 'Rhénanie-du-Nord-Westphalie',
      es: 'Renania del Norte-Westfalia',
    },
  ],
  'DE-RP': [
    'Rheinland-Pfalz',
    { en: 'Rhineland-Palatinate', it: 'Renania-Palatinato', fr: 'Rhénanie-Palatinat', es: 'Renania-Palatinado' },
  ],
  'DE-SL': ['Saarland', { fr: 'Sarre', es: 'Sarre' }],
  'DE-SN': ['Sachsen', { en: 'Saxony', it: 'Sassonia', fr: 'Saxe', es: 'Sajonia' }],
  'DE-ST': ['Sachsen-Anhalt', { en: 'Saxony-Anhalt', it: 'Sassonia-Anhalt', fr: 'Saxe-Anhalt', es: 'Sajonia-Anhalt' }],
  'DE-SH': ['Schleswig-Holstein'],
  'DE-TH': ['Thüringen', { en: 'Thuringia', it: 'Turingia', fr: 'Thuringe', es: 'Turingia' }],
  // Austria: Bundesländer.
  'AT-1': ['Burgenland'],
  'AT-2': ['Kärnten', { en: 'Carinthia', it: 'Carinzia', fr: 'Carinthie', es: 'Carintia' }],
  'AT-3': ['Niederösterreich', { en: 'Lower Austria', it: 'Bassa Austria', fr: 'Basse-Autriche', es: 'Baja Austria' }],
  'AT-4': ['Oberösterreich', { en: 'Upper Austria', it: 'Alta Austria', fr: 'Haute-Autriche', es: 'Alta Austria' }],
  'AT-5': ['Salzburg', { it: 'Salisburghese', fr: 'Salzbourg', es: 'Salzburgo' }],
  'AT-6': ['Steiermark', { en: 'Styria', it: 'Stiria', fr: 'Styrie', es: 'Estiria' }],
  'AT-7': ['Tirol', { en: 'Tyrol', it: 'Tirolo', fr: 'Tyrol' }],
  'AT-8': ['Vorarlberg'],
  'AT-9': ['Wien', { en: 'Vienna', it: 'Vienna', fr: 'Vienne', es: 'Viena' }],
  // Switzerland: cantons, named in the language of the canton unless a portal language differs.
  'CH-AG': ['Aargau', { it: 'Argovia', fr: 'Argovie', es: 'Argovia' }],
  'CH-AI': ['Appenzell Innerrhoden', { it: 'Appenzello Interno', fr: 'Appenzell Rhodes-Intérieures' }],
  'CH-AR': ['Appenzell Ausserrhoden', { it: 'Appenzello Esterno', fr: 'Appenzell Rhodes-Extérieures' }],
  'CH-BE': ['Bern', { it: 'Berna', fr: 'Berne', es: 'Berna' }],
  'CH-BL': ['Basel-Landschaft', { it: 'Basilea Campagna', fr: 'Bâle-Campagne' }],
  'CH-BS': ['Basel-Stadt', { it: 'Basilea Città', fr: 'Bâle-Ville' }],
  'CH-FR': ['Fribourg', { de: 'Freiburg', it: 'Friburgo', es: 'Friburgo' }],
  'CH-GE': ['Genève', { en: 'Geneva', de: 'Genf', it: 'Ginevra', es: 'Ginebra' }],
  'CH-GL': ['Glarus', { it: 'Glarona', fr: 'Glaris' }],
  'CH-GR': ['Graubünden', { en: 'Grisons', it: 'Grigioni', fr: 'Grisons', es: 'Grisones' }],
  'CH-JU': ['Jura', { it: 'Giura' }],
  'CH-LU': ['Luzern', { en: 'Lucerne', it: 'Lucerna', fr: 'Lucerne', es: 'Lucerna' }],
  'CH-NE': ['Neuchâtel', { de: 'Neuenburg' }],
  'CH-NW': ['Nidwalden', { it: 'Nidvaldo', fr: 'Nidwald' }],
  'CH-OW': ['Obwalden', { it: 'Obvaldo', fr: 'Obwald' }],
  'CH-SG': ['St. Gallen', { it: 'San Gallo', fr: 'Saint-Gall', es: 'San Galo' }],
  'CH-SH': ['Schaffhausen', { it: 'Sciaffusa', fr: 'Schaffhouse' }],
  'CH-SO': ['Solothurn', { it: 'Soletta', fr: 'Soleure' }],
  'CH-SZ': ['Schwyz', { it: 'Svitto' }],
  'CH-TG': ['Thurgau', { it: 'Turgovia', fr: 'Thurgovie' }],
  'CH-TI': ['Ticino', { de: 'Tessin', fr: 'Tessin', es: 'Tesino' }],
  'CH-UR': ['Uri'],
  'CH-VD': ['Vaud', { de: 'Waadt' }],
  'CH-VS': ['Valais', { de: 'Wallis', it: 'Vallese' }],
  'CH-ZG': ['Zug', { it: 'Zugo', fr: 'Zoug' }],
  'CH-ZH': ['Zürich', { en: 'Zurich', it: 'Zurigo', fr: 'Zurich', es: 'Zúrich' }],
  // France: metropolitan regions.
  'FR-ARA': ['Auvergne-Rhône-Alpes'],
  'FR-BFC': [
    'Bourgogne-Franche-Comté',
    {
      en: 'Burgundy-Franche-Comté',
      de: 'Burgund-Franche-Comté',
      it: 'Borgogna-Franca Contea',
      es: 'Borgoña-Franco Condado',
    },
  ],
  'FR-BRE': ['Bretagne', { en: 'Brittany', it: 'Bretagna', es: 'Bretaña' }],
  'FR-CVL': ['Centre-Val de Loire', { it: 'Centro-Valle della Loira', es: 'Centro-Valle de Loira' }],
  'FR-20R': ['Corse', { en: 'Corsica', de: 'Korsika', it: 'Corsica', es: 'Córcega' }],
  'FR-GES': ['Grand Est'],
  'FR-HDF': ['Hauts-de-France'],
  'FR-IDF': ['Île-de-France', {}, ['Paris']],
  'FR-NOR': ['Normandie', { en: 'Normandy', it: 'Normandia', es: 'Normandía' }],
  'FR-NAQ': ['Nouvelle-Aquitaine', { de: 'Neu-Aquitanien', it: 'Nuova Aquitania', es: 'Nueva Aquitania' }],
  'FR-OCC': ['Occitanie', { en: 'Occitania', de: 'Okzitanien', it: 'Occitania', es: 'Occitania' }],
  'FR-PDL': ['Pays de la Loire', { it: 'Paesi della Loira', es: 'País del Loira' }],
  'FR-PAC': [
    "Provence-Alpes-Côte d'Azur",
    { it: 'Provenza-Alpi-Costa Azzurra', es: 'Provenza-Alpes-Costa Azul' },
    ['Provence', "Côte d'Azur", 'Riviera'],
  ],
  // Spain: autonomous communities and cities.
  'ES-AN': ['Andalucía', { en: 'Andalusia', de: 'Andalusien', it: 'Andalusia', fr: 'Andalousie' }],
  'ES-AR': ['Aragón', { en: 'Aragon', de: 'Aragonien', it: 'Aragona', fr: 'Aragon' }],
  'ES-AS': ['Asturias', { de: 'Asturien', it: 'Asturie', fr: 'Asturies' }],
  'ES-CN': ['Canarias', { en: 'Canary Islands', de: 'Kanarische Inseln', it: 'Canarie', fr: 'Canaries' }],
  'ES-CB': ['Cantabria', { de: 'Kantabrien', fr: 'Cantabrie' }],
  'ES-CL': [
    'Castilla y León',
    { en: 'Castile and León', de: 'Kastilien und León', it: 'Castiglia e León', fr: 'Castille-et-León' },
  ],
  'ES-CM': ['Castilla-La Mancha', { de: 'Kastilien-La Mancha', it: 'Castiglia-La Mancia', fr: 'Castille-La Manche' }],
  'ES-CT': ['Catalunya', { en: 'Catalonia', de: 'Katalonien', it: 'Catalogna', fr: 'Catalogne', es: 'Cataluña' }],
  'ES-EX': ['Extremadura', { fr: 'Estrémadure' }],
  'ES-GA': ['Galicia', { de: 'Galicien', it: 'Galizia', fr: 'Galice' }],
  'ES-IB': [
    'Illes Balears',
    { en: 'Balearic Islands', de: 'Balearen', it: 'Isole Baleari', fr: 'Îles Baléares', es: 'Islas Baleares' },
    ['Mallorca', 'Majorca', 'Ibiza', 'Menorca'],
  ],
  'ES-RI': ['La Rioja'],
  'ES-MD': [
    'Comunidad de Madrid',
    {
      en: 'Community of Madrid',
      de: 'Autonome Gemeinschaft Madrid',
      it: 'Comunità di Madrid',
      fr: 'Communauté de Madrid',
    },
    ['Madrid'],
  ],
  'ES-MC': [
    'Región de Murcia',
    { en: 'Region of Murcia', de: 'Region Murcia', it: 'Regione di Murcia', fr: 'Région de Murcie' },
    ['Murcia'],
  ],
  'ES-NC': ['Navarra', { en: 'Navarre', fr: 'Navarre' }],
  'ES-PV': [
    'País Vasco',
    { en: 'Basque Country', de: 'Baskenland', it: 'Paesi Baschi', fr: 'Pays basque' },
    ['Euskadi'],
  ],
  'ES-VC': [
    'Comunitat Valenciana',
    {
      en: 'Valencian Community',
      de: 'Valencianische Gemeinschaft',
      it: 'Comunità Valenciana',
      fr: 'Communauté valencienne',
      es: 'Comunidad Valenciana',
    },
    ['Valencia'],
  ],
  'ES-CE': ['Ceuta'],
  'ES-ML': ['Melilla'],
  // Portugal: the autonomous regions and the mainland districts.
  'PT-20': ['Açores', { en: 'Azores', de: 'Azoren', it: 'Azzorre', es: 'Azores' }],
  'PT-30': ['Madeira'],
  'PT-01': ['Aveiro'],
  'PT-02': ['Beja'],
  'PT-03': ['Braga'],
  'PT-04': ['Bragança', { es: 'Braganza' }],
  'PT-05': ['Castelo Branco'],
  'PT-06': ['Coimbra'],
  'PT-07': ['Évora'],
  'PT-08': ['Faro', {}, ['Algarve']],
  'PT-09': ['Guarda'],
  'PT-10': ['Leiria'],
  'PT-11': ['Lisboa', { en: 'Lisbon', de: 'Lissabon', it: 'Lisbona', fr: 'Lisbonne' }],
  'PT-12': ['Portalegre'],
  'PT-13': ['Porto', { es: 'Oporto' }],
  'PT-14': ['Santarém'],
  'PT-15': ['Setúbal'],
  'PT-16': ['Viana do Castelo'],
  'PT-17': ['Vila Real'],
  'PT-18': ['Viseu'],
  // United Kingdom: the four nations.
  'GB-ENG': ['England', { it: 'Inghilterra', fr: 'Angleterre', es: 'Inglaterra' }],
  'GB-SCT': ['Scotland', { de: 'Schottland', it: 'Scozia', fr: 'Écosse', es: 'Escocia' }],
  'GB-WLS': ['Wales', { it: 'Galles', fr: 'Pays de Galles', es: 'Gales' }],
  'GB-NIR': [
    'Northern Ireland',
    { de: 'Nordirland', it: 'Irlanda del Nord', fr: 'Irlande du Nord', es: 'Irlanda del Norte' },
  ],
};

/** The subdivision's name in `language` (its local name when that language has none of its own). */
export function subdivisionName(code: string, language: string): string | undefined {
  const entry = subdivisions[code.toUpperCase()];
  if (!entry) return undefined;
  const [local, names = {}] = entry;
  return names[language.slice(0, 2) as Locale] ?? local;
}

/** Every name the subdivision goes by (all languages and aliases), for searching. */
export function subdivisionKeywords(code: string): string[] {
  const entry = subdivisions[code.toUpperCase()];
  if (!entry) return [];
  const [local, names = {}, aliases = []] = entry;
  return [...new Set([local, ...Object.values(names), ...aliases])];
}
