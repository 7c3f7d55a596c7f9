import type { Theme } from './style';

/** What a relationship is about, read from its type name; each family has its own colour, line and arrowhead. */
export type LinkFamily = 'violence' | 'law' | 'money' | 'membership' | 'alliance' | 'geography' | 'kinship' | 'communication' | 'other';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface LinkStyle {
  family: LinkFamily;
  color: string;
  line: LineStyle;
  /** A Cytoscape arrow shape: a second channel beside colour, for readers who do not tell the colours apart. */
  arrow: string;
}

interface FamilyLook {
  name: string;
  light: string;
  dark: string;
  line: LineStyle;
  arrow: string;
}

// Colours after Okabe and Ito's palette for colour-blind readers, lightened for the dark theme.
const FAMILIES: Record<LinkFamily, FamilyLook> = {
  violence: { name: 'Violence', light: '#d55e00', dark: '#ff8a4c', line: 'solid', arrow: 'triangle' },
  law: { name: 'Law enforcement', light: '#0072b2', dark: '#5cb8f0', line: 'dashed', arrow: 'tee' },
  money: { name: 'Money and trade', light: '#009e73', dark: '#3fd4a4', line: 'solid', arrow: 'triangle-backcurve' },
  membership: { name: 'Membership and leadership', light: '#b0468f', dark: '#e98cc8', line: 'solid', arrow: 'vee' },
  alliance: { name: 'Alliance and association', light: '#c98a00', dark: '#f0c040', line: 'dashed', arrow: 'circle' },
  geography: { name: 'Places', light: '#7a8a4a', dark: '#a9ba78', line: 'dotted', arrow: 'diamond' },
  kinship: { name: 'Kinship', light: '#8c564b', dark: '#d39a8c', line: 'solid', arrow: 'square' },
  communication: { name: 'Communication', light: '#6a5acd', dark: '#a99cf5', line: 'dashed', arrow: 'chevron' },
  other: { name: 'Other', light: '#6b7280', dark: '#9aa3b2', line: 'dotted', arrow: 'triangle' },
};

/** Families in the order the legend lists them. */
export const FAMILY_ORDER = Object.keys(FAMILIES) as LinkFamily[];

export function familyName(family: LinkFamily): string {
  return FAMILIES[family].name;
}

// Words (whole parts of an UPPER_SNAKE type name, or their start) that place a type in a family; the first family that
// matches wins, so kinship and law enforcement are tried before the broader ones.
const WORDS: [LinkFamily, RegExp][] = [
  [
    'kinship',
    /^(SPOUSE|MARRIED|WIFE|HUSBAND|SIBLING|BROTHER|SISTER|PARENT|CHILD|FATHER|MOTHER|SON$|DAUGHTER|RELATIVE|COUSIN|UNCLE|AUNT|NEPHEW|NIECE|KIN$|FAMILY)/,
  ],
  [
    'law',
    /^(ARREST|INVESTIGAT|PROSECUT|CONVICT|SENTENC|CHARG|EXTRADIT|CAPTUR|SEIZ|RAID|INDICT|JAIL|IMPRISON|DETAIN|SANCTION|REGULAT|POLIC|TRIED|ACQUIT|WANTED|INFORMANT|TESTIF|PERMIT|LICENS|GRANTED)/,
  ],
  [
    'violence',
    /^(KILL|MURDER|ATTACK|PERPETRAT|VICTIM|ASSASSIN|BOMB|KIDNAP|THREAT|ASSAULT|MASSACR|SHOT|SHOOT|VIOLEN|WEAPON|TARGET|TORTUR|EXTORT|PRESSUR|COERC|INTIMIDAT|FOUGHT|FIGHT)|^WAR$/,
  ],
  [
    'money',
    /^(FINANC|FUND|PAID|PAY|BRIBE|LAUNDER|TRAFFICK|TRAD|EXPORT|IMPORT|SUPPLI|SUPPLY|SOLD|SELL|BOUGHT|BUY|OWN|PROFIT|INVEST|TRANSFER|SMUGGL|MONEY|LOAN|DEBT|SHIP|BANK|PURCHAS|DEAL)/,
  ],
  [
    'membership',
    /^(MEMBER|LEAD|FOUND|HEAD|BOSS|COMMAND|EMPLOY|WORK|PART(?!NER)|BELONG|MAYOR|CONTROL|CHIEF|DIRECT|OFFICER|SUCCEED|RECRUIT|SOUGHT|SENT|RUN|MANAG|PRESIDENT|GOVERN)/,
  ],
  [
    'alliance',
    /^(ALLI|ALLY|ASSOCIAT|PARTNER|SUPPORT|COLLABORAT|COOPERAT|FACILITAT|PROTECT|KNOW|FRIEND|RIVAL|OPPOS|COMPET|COMPARED|SIMILAR|LINKED|CONNECTED|HELP|AIDED|ENEMY|FOLLOW)/,
  ],
  [
    'geography',
    /^(LOCATED|OPERAT|OCCURR|BASED|LIVE|RESID|BORN|NATIONAL|CITIZEN|TRAVEL|ROUTE|LIES|PORT|BORDER|TRANSIT|VISIT|HIDE|HID|MOVED|FLED)|^(NEAR|IN|AT|WITHIN)$/,
  ],
  [
    'communication',
    /^(CALL|MET|MEET|EMAIL|MESSAG|PHONE|COMMUNICAT|CONTACT|WROTE|WRITE|TALK|REPORT|PRESENT|INFORM|TOLD|ANNOUNC|PUBLISH|INTERVIEW|SPOKE|NEGOTIAT)/,
  ],
];

/** The family a relationship type belongs to, from the words of its name; "other" when none is recognised. */
export function linkFamily(type: string): LinkFamily {
  const words = type
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
  for (const [family, pattern] of WORDS) {
    // The first word decides when it can (PERPETRATOR_OF, LOCATED_IN); later words only when it cannot (MAIN_PORT_FOR).
    if (words[0] && pattern.test(words[0])) return family;
  }
  for (const [family, pattern] of WORDS) if (words.slice(1).some((word) => word.length > 2 && pattern.test(word))) return family;
  return 'other';
}

// A qualitative palette (Tableau 10 without the family colours' neighbours) for types no family recognises: a type
// brought by an import keeps the same colour across sessions without being mistaken for a known family.
const FALLBACK: Record<Theme, string[]> = {
  light: ['#7f7f7f', '#9c755f', '#bab0ac', '#8f7f5f', '#5f7f8f', '#7f5f8f'],
  dark: ['#b0b0b0', '#c9a58f', '#d8d0cc', '#c2b28e', '#8fb2c2', '#b28fc2'],
};

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

/** Colour, line and arrowhead of a relationship type in a theme; stable across sessions. */
export function linkStyle(type: string, theme: Theme = 'light'): LinkStyle {
  const family = linkFamily(type);
  const look = FAMILIES[family];
  const color = family === 'other' ? FALLBACK[theme][hash(type) % FALLBACK[theme].length]! : look[theme];
  return { family, color, line: look.line, arrow: look.arrow };
}

/** The types present, grouped by family in the legend's order, each group sorted by name. */
export function typesByFamily(types: Iterable<string>): { family: LinkFamily; types: string[] }[] {
  const groups = new Map<LinkFamily, string[]>();
  for (const type of new Set(types)) groups.set(linkFamily(type), [...(groups.get(linkFamily(type)) ?? []), type]);
  return FAMILY_ORDER.filter((family) => groups.has(family)).map((family) => ({ family, types: groups.get(family)!.sort() }));
}
