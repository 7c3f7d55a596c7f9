/*
 * How a node of each label looks: colour, shape and icon, so that a label reads by all three (colour alone fails the
 * colour-blind, and twenty colours are more than anyone tells apart). Peru's curated kinds keep their own; any other
 * label gets a colour from a qualitative palette and a shape, stable per label name, and an icon when its name says
 * what it is (Suspect, Vehicle, Phone, Email, BankAccount, Crime …).
 */

export interface KindStyle {
  color: string;
  shape: string;
  icon: string;
  /** The glyph's colour, white or ink: whichever reads on `color`. */
  ink: string;
}

const WHITE = '#ffffff';
const INK = '#1d2330';

const glyph = (path: string, fill: string): string =>
  `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24" fill="${fill}">${path}</svg>`)}`;

/** 24×24 glyphs, filled. */
const ICONS = {
  person: '<circle cx="12" cy="7.5" r="4.2"/><path d="M3.5 21c0-4.8 3.8-8 8.5-8s8.5 3.2 8.5 8z"/>',
  organisation: '<path d="M3 21V8l6-3v3l6-3v3l6-3v16zm4-3h2v-3H7zm4 0h2v-3h-2zm4 0h2v-3h-2zm-8-5h2v-2H7zm4 0h2v-2h-2zm4 0h2v-2h-2z"/>',
  group:
    '<circle cx="12" cy="6" r="3"/><circle cx="5.5" cy="10" r="2.6"/><circle cx="18.5" cy="10" r="2.6"/><path d="M6.5 21c0-3.6 2.5-6.5 5.5-6.5s5.5 2.9 5.5 6.5zM1 19c0-2.6 1.9-4.6 4.5-4.6 1 0 1.9.3 2.6.8A8.6 8.6 0 0 0 5.2 19zM23 19c0-2.6-1.9-4.6-4.5-4.6-1 0-1.9.3-2.6.8a8.6 8.6 0 0 1 2.9 3.8z"/>',
  location: '<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.6A2.6 2.6 0 1 1 12 6.4a2.6 2.6 0 0 1 0 5.2z"/>',
  event: '<path d="M6 3h2v2h8V3h2v2h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h2zm-1 7v9h14v-9zm2 2h4v4H7z"/>',
  vehicle:
    '<path d="M5 11l1.5-4.5A2 2 0 0 1 8.4 5h7.2a2 2 0 0 1 1.9 1.5L19 11h1a1 1 0 0 1 1 1v5h-2v2h-3v-2H8v2H5v-2H3v-5a1 1 0 0 1 1-1zm2.2 0h9.6l-1-3.2a1 1 0 0 0-1-.8H9.2a1 1 0 0 0-1 .8zM7 15.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm10 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z"/>',
  phone: '<path d="M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v12h8V5zm4 13.2a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4z"/>',
  email: '<path d="M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.3V17h16V7.3l-8 5.4zM5.2 7l6.8 4.6L18.8 7z"/>',
  account: '<path d="M12 2l10 5v2H2V7zM4 11h3v7H4zm6.5 0h3v7h-3zM17 11h3v7h-3zM2 20h20v2H2z"/>',
  crime: '<path d="M12 2l11 19H1zm-1 7v6h2V9zm0 8v2h2v-2z"/>',
  object: '<path d="M12 2l9 5v10l-9 5-9-5V7zm0 2.3L5.5 8 12 11.7 18.5 8zM5 9.7v6.1l6 3.4v-6.1zm8 9.5l6-3.4V9.7l-6 3.4z"/>',
  other: '<circle cx="12" cy="12" r="5"/>',
};

type IconName = keyof typeof ICONS;

/** Words in label names, by the icon they call for; a label matches when one of its words is here. */
const SYNONYMS: Record<Exclude<IconName, 'other' | 'group'>, string[]> = {
  person: [
    'person',
    'people',
    'individual',
    'suspect',
    'victim',
    'witness',
    'offender',
    'officer',
    'member',
    'human',
    'contact',
    'persona',
    'agent',
    'informant',
    'defendant',
    'actor',
    'employee',
  ],
  organisation: [
    'organization',
    'organisation',
    'org',
    'company',
    'business',
    'firm',
    'corporation',
    'gang',
    'cartel',
    'clan',
    'party',
    'institution',
    'legalentity',
    'ngo',
    'agency',
  ],
  location: [
    'location',
    'place',
    'address',
    'area',
    'city',
    'country',
    'region',
    'street',
    'postcode',
    'site',
    'building',
    'venue',
    'district',
    'town',
    'port',
    'lugar',
  ],
  vehicle: ['vehicle', 'car', 'truck', 'boat', 'vessel', 'ship', 'aircraft', 'plane', 'motorbike', 'motorcycle', 'van', 'lorry'],
  phone: ['phone', 'mobile', 'telephone', 'cellphone', 'sim', 'imei', 'msisdn', 'handset', 'telefono'],
  email: ['email', 'mail', 'emailaddress', 'mailbox'],
  account: ['account', 'bankaccount', 'iban', 'wallet', 'card', 'creditcard', 'bank', 'cuenta'],
  crime: ['crime', 'offence', 'offense', 'incident', 'case', 'delito', 'robbery', 'burglary', 'fraud', 'homicide'],
  event: ['event', 'meeting', 'call', 'transaction', 'payment', 'trip', 'evento'],
  object: ['object', 'item', 'thing', 'weapon', 'drug', 'document', 'evidence', 'asset', 'product', 'package', 'firearm'],
};

/** The icon a label's name calls for: its words (split at case changes, digits, "_", "-", spaces) against SYNONYMS. */
export function iconFor(label: string): IconName {
  const words = label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
  const joined = words.join('');
  for (const [icon, names] of Object.entries(SYNONYMS) as [IconName, string[]][]) {
    if (names.includes(joined)) return icon;
  }
  // Else a word of it, the last first: the kind comes last in compound names (MobilePhone, GangMember).
  for (const word of [...words].reverse()) {
    for (const [icon, names] of Object.entries(SYNONYMS) as [IconName, string[]][]) {
      if (names.includes(word) || names.includes(word.replace(/s$/, ''))) return icon;
    }
  }
  return 'other';
}

/** Peru's curated kinds, as they always looked. */
const CURATED: Record<string, Omit<KindStyle, 'ink'>> = {
  Person: { color: '#3b6fd8', shape: 'ellipse', icon: glyph(ICONS.person, WHITE) },
  Organization: { color: '#d9822b', shape: 'round-rectangle', icon: glyph(ICONS.organisation, WHITE) },
  // Unnamed collectives (victims, supporters, a trade): people in a ring.
  Group: { color: '#b5485d', shape: 'round-pentagon', icon: glyph(ICONS.group, WHITE) },
  Location: { color: '#2e9e6a', shape: 'round-diamond', icon: glyph(ICONS.location, WHITE) },
  Event: { color: '#9b59b6', shape: 'round-hexagon', icon: glyph(ICONS.event, WHITE) },
};

/**
 * Kelly's 22 colours of maximum contrast (1965), less white and black, the near-greys and those too close to the
 * curated kinds' colours, in the order Kelly gives them.
 */
export const PALETTE = [
  '#f3c300',
  '#875692',
  '#f38400',
  '#a1caf1',
  '#be0032',
  '#c2b280',
  '#008856',
  '#e68fac',
  '#0067a5',
  '#f99379',
  '#604e97',
  '#f6a600',
  '#b3446c',
  '#dcd300',
  '#882d17',
  '#8db600',
  '#654522',
  '#e25822',
  '#2b3d26',
  '#5a5a58',
  '#1f9e9e',
  '#7f7fd5',
];

/** Shapes Cytoscape draws, the second channel: a label's colour and shape together are its own. */
export const SHAPES = [
  'round-octagon',
  'round-triangle',
  'round-tag',
  'star',
  'round-heptagon',
  'barrel',
  'round-rectangle',
  'ellipse',
  'round-diamond',
  'round-hexagon',
  'round-pentagon',
];

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function styled(color: string, shape: string, icon: IconName): KindStyle {
  const ink = luminance(color) > 0.6 ? INK : WHITE;
  return { color, shape, icon: glyph(ICONS[icon], ink), ink };
}

function preferred(kind: string): { colour: number; shape: number } {
  const value = hash(kind);
  return { colour: value % PALETTE.length, shape: Math.floor(value / PALETTE.length) % SHAPES.length };
}

// The looks given so far, so that labels seen together never share colour and shape (assignKindStyles).
const assigned = new Map<string, KindStyle>();

/**
 * Gives each label not curated a colour and shape no other label of `kinds` has: its own choice (from its name)
 * unless taken, else the next free colour, else the next free shape in its colour. Labels are taken in name order,
 * so the same labels always look the same.
 */
export function assignKindStyles(kinds: readonly string[]): void {
  const taken = new Set<string>(Object.values(CURATED).map((style) => `${style.color}|${style.shape}`));
  const usedColours = new Set<string>();
  for (const kind of [...new Set(kinds)].sort()) {
    if (CURATED[kind]) continue;
    const wish = preferred(kind);
    let colour = wish.colour;
    for (let step = 0; step < PALETTE.length && usedColours.has(PALETTE[colour]!); step++) colour = (colour + 1) % PALETTE.length;
    let shape = wish.shape;
    for (let step = 0; step < SHAPES.length && taken.has(`${PALETTE[colour]}|${SHAPES[shape]}`); step++) shape = (shape + 1) % SHAPES.length;
    const style = styled(PALETTE[colour]!, SHAPES[shape]!, iconFor(kind));
    usedColours.add(style.color);
    taken.add(`${style.color}|${style.shape}`);
    assigned.set(kind, style);
  }
}

/** Colour, shape and icon for an entity kind (see assignKindStyles for labels brought by imports). */
export function kindStyle(kind: string): KindStyle {
  const curated = CURATED[kind];
  if (curated) return { ...curated, ink: WHITE };
  const known = assigned.get(kind);
  if (known) return known;
  const wish = preferred(kind);
  return styled(PALETTE[wish.colour]!, SHAPES[wish.shape]!, iconFor(kind));
}

/** The curated kinds, always in the stylesheet. */
export const CURATED_KINDS = Object.keys(CURATED);

const SIDES: Record<string, number> = {
  'round-triangle': 3,
  'round-diamond': 4,
  'round-pentagon': 5,
  'round-hexagon': 6,
  'round-heptagon': 7,
  'round-octagon': 8,
};

function polygon(sides: number, radius: number, turn = 0): string {
  return Array.from({ length: sides }, (_, index) => {
    const angle = -Math.PI / 2 + turn + (index * 2 * Math.PI) / sides;
    return `${(12 + radius * Math.cos(angle)).toFixed(2)},${(12 + radius * Math.sin(angle)).toFixed(2)}`;
  }).join(' ');
}

/** The outline of a Cytoscape shape in a 24×24 box, as SVG markup, for legends and lists. */
export function shapeOutline(shape: string, fill: string): string {
  const sides = SIDES[shape];
  if (sides !== undefined) return `<polygon points="${polygon(sides, 12)}" fill="${fill}"/>`;
  if (shape === 'star') {
    const outer = polygon(5, 12).split(' ');
    const inner = polygon(5, 5.5, Math.PI / 5).split(' ');
    return `<polygon points="${outer.flatMap((point, index) => [point, inner[index]]).join(' ')}" fill="${fill}"/>`;
  }
  if (shape === 'ellipse') return `<circle cx="12" cy="12" r="12" fill="${fill}"/>`;
  if (shape === 'round-tag') return `<polygon points="0,3 17,3 24,12 17,21 0,21" fill="${fill}"/>`;
  if (shape === 'barrel') return `<rect x="1" y="2" width="22" height="20" rx="8" ry="4" fill="${fill}"/>`;
  return `<rect x="1" y="3" width="22" height="18" rx="4" fill="${fill}"/>`;
}

/** A kind's swatch as drawn on the canvas: its shape in its colour with its icon, as an SVG data URI. */
export function kindSwatch(kind: string): string {
  const style = kindStyle(kind);
  const icon = decodeURIComponent(style.icon.slice(style.icon.indexOf(',') + 1))
    .replace(/^<svg[^>]*>/, '')
    .replace(/<\/svg>$/, '');
  return `data:image/svg+xml;utf8,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${shapeOutline(style.shape, style.color)}<g transform="translate(5.4 5.4) scale(0.55)" fill="${style.ink}">${icon}</g></svg>`,
  )}`;
}
