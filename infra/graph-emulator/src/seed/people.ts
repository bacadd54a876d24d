import { createHash } from 'node:crypto';
import type { StoredUser } from '../model';
import { TENANT_DOMAIN, TENANT_MAIL_DOMAIN } from '../tenantConfig';

/**
 * The people of the samverkan as they appear in Region Västerbotten's tenant. Region staff are members with
 * mailboxes; people of the kommuner and Länsstyrelsen are guests (their mailboxes live in their own tenants).
 * The chair is the exception: the Region gives the chair a member account for the assignment, so that the
 * chair's invitations are sent from a mailbox this tenant holds (see the README's differences).
 */
interface SeedPerson {
  given: string;
  surname: string;
  org: string;
  orgName: string;
  domain: string;
  title: string;
  roles: string[];
  member?: boolean;
}

const ORGS: Record<string, { name: string; domain: string }> = {
  bjurholm: { name: 'Bjurholms kommun', domain: 'bjurholm.se' },
  dorotea: { name: 'Dorotea kommun', domain: 'dorotea.se' },
  lycksele: { name: 'Lycksele kommun', domain: 'lycksele.se' },
  mala: { name: 'Malå kommun', domain: 'mala.se' },
  nordmaling: { name: 'Nordmalings kommun', domain: 'nordmaling.se' },
  norsjo: { name: 'Norsjö kommun', domain: 'norsjo.se' },
  robertsfors: { name: 'Robertsfors kommun', domain: 'robertsfors.se' },
  skelleftea: { name: 'Skellefteå kommun', domain: 'skelleftea.se' },
  sorsele: { name: 'Sorsele kommun', domain: 'sorsele.se' },
  storuman: { name: 'Storumans kommun', domain: 'storuman.se' },
  umea: { name: 'Umeå kommun', domain: 'umea.se' },
  vilhelmina: { name: 'Vilhelmina kommun', domain: 'vilhelmina.se' },
  vindeln: { name: 'Vindelns kommun', domain: 'vindeln.se' },
  vannas: { name: 'Vännäs kommun', domain: 'vannas.se' },
  asele: { name: 'Åsele kommun', domain: 'asele.se' },
  'region-vasterbotten': { name: 'Region Västerbotten', domain: TENANT_MAIL_DOMAIN },
  'lansstyrelsen-vasterbotten': { name: 'Länsstyrelsen Västerbotten', domain: 'lansstyrelsen.se' },
};

/** The seed's roles as the sign-in page names them: the samverkan's Swedish names, never the keys. */
export const SEED_ROLE_NAMES: Readonly<Record<string, string>> = {
  ordforande: 'Ordförande',
  samordnare: 'Samordnare',
  samverkansgrupp: 'Samverkansgruppen',
  stodgrupp: 'Stödgruppen',
  arbetsgrupp: 'Arbetsgrupp',
};

const P = (given: string, surname: string, org: string, title: string, roles: string[], member = false): SeedPerson => {
  const o = ORGS[org]!;
  return { given, surname, org, orgName: o.name, domain: o.domain, title, roles, member };
};

const PEOPLE: SeedPerson[] = [
  P('Karin', 'Nordström', 'region-vasterbotten', 'Samordnare samhällsbyggnad', ['samordnare', 'stodgrupp'], true),
  P('Per', 'Holmberg', 'region-vasterbotten', 'Ekonom', [], true),
  P('Sara', 'Öberg', 'region-vasterbotten', 'Regional utvecklingsledare', [], true),
  P('Maria', 'Bergström', 'umea', 'Planchef', ['ordforande', 'samverkansgrupp'], true),
  P('Erik', 'Lundqvist', 'umea', 'Bygglovschef', ['samverkansgrupp']),
  P('Anna', 'Sjöberg', 'skelleftea', 'Stadsbyggnadschef', ['samverkansgrupp', 'stodgrupp']),
  P('Lars', 'Wikström', 'skelleftea', 'Planarkitekt', ['samverkansgrupp']),
  P('Eva', 'Marklund', 'lycksele', 'Samhällsbyggnadschef', ['samverkansgrupp', 'stodgrupp']),
  P('Jonas', 'Lindberg', 'lycksele', 'Byggnadsinspektör', ['arbetsgrupp']),
  P('Ingrid', 'Åström', 'vilhelmina', 'Miljö- och byggchef', ['samverkansgrupp']),
  P('Mikael', 'Holm', 'vilhelmina', 'Bygglovshandläggare', ['arbetsgrupp']),
  P('Helena', 'Nilsson', 'storuman', 'Plan- och byggchef', ['samverkansgrupp']),
  P('Olof', 'Persson', 'storuman', 'Byggnadsinspektör', []),
  P('Sofia', 'Hedlund', 'vannas', 'Samhällsbyggnadschef', ['samverkansgrupp', 'stodgrupp']),
  P('Gustav', 'Eriksson', 'vannas', 'Bygglovshandläggare', ['arbetsgrupp']),
  P('Kristina', 'Burman', 'bjurholm', 'Bygg- och miljöchef', ['samverkansgrupp']),
  P('Anders', 'Strand', 'dorotea', 'Byggnadsinspektör', ['samverkansgrupp']),
  P('Linnea', 'Forsberg', 'mala', 'Plan- och byggansvarig', ['samverkansgrupp']),
  P('Peter', 'Boström', 'nordmaling', 'Miljö- och byggchef', ['samverkansgrupp']),
  P('Ulrika', 'Lidström', 'norsjo', 'Bygglovsarkitekt', ['samverkansgrupp']),
  P('Magnus', 'Granberg', 'robertsfors', 'Samhällsbyggnadschef', ['samverkansgrupp']),
  P('Åsa', 'Lindgren', 'sorsele', 'Byggnadsinspektör', ['samverkansgrupp']),
  P('Tobias', 'Sundqvist', 'vindeln', 'Plan- och byggansvarig', ['samverkansgrupp']),
  P('Malin', 'Öhman', 'asele', 'Bygg- och miljöinspektör', ['samverkansgrupp']),
  P('Johan', 'Engström', 'lansstyrelsen-vasterbotten', 'Handläggare samhällsplanering', ['stodgrupp']),
  P('Cecilia', 'Lundmark', 'lansstyrelsen-vasterbotten', 'Enhetschef samhällsbyggnad', []),
  P('Nils', 'Johansson', 'umea', 'Planarkitekt', ['arbetsgrupp']),
  P('Emma', 'Karlsson', 'umea', 'Bygglovshandläggare', ['arbetsgrupp']),
  P('Fredrik', 'Andersson', 'skelleftea', 'Byggnadsinspektör', ['arbetsgrupp']),
  P('Hanna', 'Olsson', 'skelleftea', 'GIS-samordnare', []),
  P('David', 'Berglund', 'lycksele', 'Planhandläggare', []),
  P('Elin', 'Nyström', 'vannas', 'Planarkitekt', []),
  P('Oskar', 'Lindström', 'bjurholm', 'Byggnadsinspektör', []),
  P('Jenny', 'Söderström', 'dorotea', 'Miljö- och hälsoskyddsinspektör', []),
  P('Henrik', 'Nordin', 'mala', 'Bygglovshandläggare', []),
  P('Camilla', 'Jonsson', 'nordmaling', 'Planarkitekt', []),
  P('Viktor', 'Åberg', 'norsjo', 'Byggnadsinspektör', []),
  P('Lena', 'Hägglund', 'robertsfors', 'Bygglovshandläggare', []),
  P('Marcus', 'Sandberg', 'sorsele', 'Samhällsbyggnadschef', []),
  P('Therese', 'Lundberg', 'storuman', 'Planarkitekt', []),
  P('Daniel', 'Nordlund', 'vilhelmina', 'Byggnadsinspektör', []),
  P('Ida', 'Stenlund', 'vindeln', 'Bygglovshandläggare', []),
  P('Robert', 'Renström', 'asele', 'Samhällsbyggnadschef', []),
  P('Maja', 'Wallin', 'region-vasterbotten', 'Kommunikatör', [], true),
  P('Patrik', 'Östlund', 'lansstyrelsen-vasterbotten', 'Länsarkitekt', []),
];

const ASCII: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', Å: 'a', Ä: 'a', Ö: 'o', é: 'e' };
const ascii = (s: string) => s.replace(/[åäöÅÄÖé]/g, (c) => ASCII[c] ?? c).toLowerCase();

/** Deterministic GUIDs (RFC 4122 layout) so that ids are stable across reseeds and machines. */
export function stableGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A made-up number in Umeå's area code, stable per person. */
function businessPhone(seed: string): string {
  const digits = createHash('sha1').update(`phone:${seed}`).digest().readUInt32BE(0) % 100000;
  const d = String(digits).padStart(5, '0');
  return `+46 90 7${d.slice(0, 1)} ${d.slice(1, 3)} ${d.slice(3, 5)}`;
}

export const SEED_PEOPLE: StoredUser[] = PEOPLE.map((p) => {
  const local = `${ascii(p.given)}.${ascii(p.surname)}`;
  const homeMail = `${local}@${p.domain}`;
  const isGuest = !p.member && p.domain !== TENANT_MAIL_DOMAIN;
  const mail = p.member ? `${local}@${TENANT_MAIL_DOMAIN}` : homeMail;
  const upn = isGuest ? `${local}_${p.domain}#EXT#@${TENANT_DOMAIN}` : mail;
  return {
    id: stableGuid(upn),
    displayName: `${p.given} ${p.surname}`,
    givenName: p.given,
    surname: p.surname,
    userPrincipalName: upn,
    mail,
    otherMails: (p.member && p.domain !== TENANT_MAIL_DOMAIN) || isGuest ? [homeMail] : [],
    jobTitle: p.title,
    companyName: p.orgName,
    officeLocation: null,
    preferredLanguage: 'sv-SE',
    businessPhones: [businessPhone(upn)],
    mobilePhone: null,
    accountEnabled: true,
    userType: isGuest ? 'Guest' : 'Member',
    // B2B guests who have redeemed their invitation, as Entra records them.
    externalUserState: isGuest ? 'Accepted' : null,
    creationType: isGuest ? 'Invitation' : null,
    xHasMailbox: !isGuest,
    xOrganisationId: p.org,
    xRoles: p.roles,
    xWorkingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    },
  };
});

export const SEED_ORGANISATIONS = ORGS;
