// Seed data: the home cities a simulated supplier can be based in. Currency, tax and time
// zone vary on purpose (JPY has no minor unit, New York has a negative UTC offset) so that a
// connector meets the awkward cases early.

export interface CitySeed {
  city: string;
  country: string;
  timeZone: string;
  locale: string;
  currency: string;
  currencyPrecision: number;
  /** Rough size of one "unit" of price in this currency, relative to EUR. */
  priceScale: number;
  taxName: string;
  taxBasisPoints: number;
  latitude: number;
  longitude: number;
  streets: string[];
  postalCode: string;
  phonePrefix: string;
  landmarks: string[];
  airport: string;
  water: string;
}

export const CITIES: readonly CitySeed[] = [
  {
    city: 'Lisbon',
    country: 'PT',
    timeZone: 'Europe/Lisbon',
    locale: 'en-GB',
    currency: 'EUR',
    currencyPrecision: 2,
    priceScale: 1,
    taxName: 'IVA',
    taxBasisPoints: 2300,
    latitude: 38.7223,
    longitude: -9.1393,
    streets: ['Rua Augusta', 'Rua do Carmo', 'Avenida da Liberdade'],
    postalCode: '1100-048',
    phonePrefix: '+351 21',
    landmarks: ['Alfama', 'Belém Tower', 'São Jorge Castle'],
    airport: 'Humberto Delgado Airport',
    water: 'Tagus',
  },
  {
    city: 'London',
    country: 'GB',
    timeZone: 'Europe/London',
    locale: 'en-GB',
    currency: 'GBP',
    currencyPrecision: 2,
    priceScale: 0.9,
    taxName: 'VAT',
    taxBasisPoints: 2000,
    latitude: 51.5072,
    longitude: -0.1276,
    streets: ['The Strand', 'Fleet Street', 'Borough High Street'],
    postalCode: 'WC2R 0EZ',
    phonePrefix: '+44 20',
    landmarks: ['Tower Bridge', 'Westminster', 'St Paul’s'],
    airport: 'Heathrow Airport',
    water: 'Thames',
  },
  {
    city: 'Barcelona',
    country: 'ES',
    timeZone: 'Europe/Madrid',
    locale: 'en-GB',
    currency: 'EUR',
    currencyPrecision: 2,
    priceScale: 1,
    taxName: 'IVA',
    taxBasisPoints: 2100,
    latitude: 41.3874,
    longitude: 2.1686,
    streets: ['La Rambla', 'Carrer de Ferran', 'Passeig de Gràcia'],
    postalCode: '08002',
    phonePrefix: '+34 93',
    landmarks: ['Gothic Quarter', 'Sagrada Família', 'Park Güell'],
    airport: 'El Prat Airport',
    water: 'Mediterranean',
  },
  {
    city: 'New York',
    country: 'US',
    timeZone: 'America/New_York',
    locale: 'en-US',
    currency: 'USD',
    currencyPrecision: 2,
    priceScale: 1.1,
    taxName: 'Sales tax',
    taxBasisPoints: 888,
    latitude: 40.7128,
    longitude: -74.006,
    streets: ['Broadway', 'Fulton Street', 'West 42nd Street'],
    postalCode: '10007',
    phonePrefix: '+1 212',
    landmarks: ['Lower Manhattan', 'Brooklyn Bridge', 'Central Park'],
    airport: 'JFK Airport',
    water: 'Hudson',
  },
  {
    city: 'Kyoto',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    locale: 'en-US',
    currency: 'JPY',
    currencyPrecision: 0,
    priceScale: 160,
    taxName: 'Consumption tax',
    taxBasisPoints: 1000,
    latitude: 35.0116,
    longitude: 135.7681,
    streets: ['Shijo-dori', 'Karasuma-dori', 'Sanjo-dori'],
    postalCode: '600-8001',
    phonePrefix: '+81 75',
    landmarks: ['Gion', 'Fushimi Inari', 'Arashiyama'],
    airport: 'Kansai Airport',
    water: 'Kamo',
  },
  {
    city: 'Amsterdam',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    locale: 'en-GB',
    currency: 'EUR',
    currencyPrecision: 2,
    priceScale: 1,
    taxName: 'BTW',
    taxBasisPoints: 900,
    latitude: 52.3676,
    longitude: 4.9041,
    streets: ['Damrak', 'Prinsengracht', 'Kalverstraat'],
    postalCode: '1012 JS',
    phonePrefix: '+31 20',
    landmarks: ['Jordaan', 'Canal Ring', 'Museumplein'],
    airport: 'Schiphol Airport',
    water: 'IJ',
  },
];

export const SUPPLIER_STYLES = ['Heritage', 'Urban', 'Local', 'Hidden', 'Grand', 'Golden'] as const;
export const SUPPLIER_NOUNS = ['Experiences', 'Tours', 'Adventures', 'Journeys', 'Discoveries'] as const;
export const MUSEUM_NAMES = ['City Museum', 'Maritime Museum', 'Design Museum', 'Modern Art Gallery'] as const;
export const TOUR_THEMES = ['Old Town Walking Tour', 'Street Food Tour', 'Historic Highlights Tour'] as const;
