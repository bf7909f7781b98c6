/**
 * Built-in checklist templates (data). Options can edit them and an
 * organisation policy can replace them: see `mergeTemplates`.
 *
 * Every string is given in English, Khmer and French, in a formal register.
 * Items that several templates share are defined once below so their wording
 * stays identical across templates.
 *
 * Priorities (higher wins when several templates match a draft):
 *   condolence 90 · crisis 80 · reply-criticism 70 · official-visit 50 ·
 *   personal 30 · standard 0 (fallback, no triggers).
 */
import type { ChecklistItem, ChecklistTemplate } from './types';

// ---------------------------------------------------------------------------
// Shared items
// ---------------------------------------------------------------------------

const CLEARED: ChecklistItem = {
  id: 'cleared',
  text: {
    en: 'Cleared by the head of mission or the spokesperson',
    km: 'បានទទួលការឯកភាពពីប្រមុខបេសកកម្ម ឬអ្នកនាំពាក្យ',
    fr: 'Validé par le chef de mission ou le porte-parole',
  },
  required: true,
};

const NAMES_TITLES: ChecklistItem = {
  id: 'names-titles',
  text: {
    en: 'Names, titles and forms of address checked',
    km: 'បានពិនិត្យឈ្មោះ ឋានៈ និងពាក្យគោរព រួចរាល់',
    fr: 'Noms, titres et appellations protocolaires vérifiés',
  },
  required: true,
};

const NO_ERRORS: ChecklistItem = {
  id: 'no-errors',
  text: {
    en: 'No guideline errors left in the draft',
    km: 'សេចក្ដីព្រាងលែងមានកំហុសតាមគោលការណ៍ណែនាំទៀតហើយ',
    fr: 'Plus aucune erreur au regard des lignes directrices',
  },
  required: true,
  auto: 'no-errors',
};

const WITHIN_LIMIT: ChecklistItem = {
  id: 'within-limit',
  text: {
    en: "Within the platform's length limit",
    km: 'មិនលើសចំនួនតួអក្សរដែលវេទិកាកំណត់',
    fr: 'Dans la limite de longueur de la plateforme',
  },
  required: true,
  auto: 'within-limit',
};

const ALT_TEXT: ChecklistItem = {
  id: 'alt-text',
  text: {
    en: 'Every image has alternative text (alt text)',
    km: 'រូបភាពនីមួយៗមានអត្ថបទពិពណ៌នាជំនួស (alt text)',
    fr: 'Chaque image comporte un texte alternatif',
  },
  required: true,
  auto: 'alt-text',
};

const HASHTAGS: ChecklistItem = {
  id: 'hashtags',
  text: {
    en: 'Hashtags written in CamelCase (e.g. #HumanRights)',
    km: 'Hashtag សរសេរជាទម្រង់ CamelCase (ឧទាហរណ៍ #HumanRights)',
    fr: 'Mots-dièses écrits en CamelCase (par exemple #DroitsHumains)',
  },
  required: false,
  auto: 'camelcase-hashtags',
};

const SOURCE_LINK: ChecklistItem = {
  id: 'source-link',
  text: {
    en: 'Link to the source provided whenever a source is cited',
    km: 'មានភ្ជាប់តំណទៅកាន់ប្រភព រាល់ពេលដែលមានការយោងប្រភព',
    fr: 'Lien vers la source fourni chaque fois qu’une source est citée',
  },
  required: true,
  auto: 'source-link',
};

const TRANSLATION: ChecklistItem = {
  id: 'translation',
  text: {
    en: 'Translation attached where a bilingual post is required',
    km: 'មានភ្ជាប់ការបកប្រែ ក្នុងករណីដែលតម្រូវឱ្យផ្សាយជាពីរភាសា',
    fr: 'Traduction jointe lorsqu’une publication bilingue est requise',
  },
  required: true,
  auto: 'translation-attached',
};

const VERSIONS_MATCH: ChecklistItem = {
  id: 'versions-match',
  text: {
    en: 'Khmer and English versions say the same',
    km: 'ខ្លឹមសារជាភាសាខ្មែរ និងភាសាអង់គ្លេស ដូចគ្នា',
    fr: 'Les versions khmère et anglaise disent la même chose',
  },
  required: false,
};

const PHOTO_CREDITS: ChecklistItem = {
  id: 'photo-credits',
  text: {
    en: 'Photo credits given and consent obtained from people pictured',
    km: 'បានបញ្ជាក់ម្ចាស់រូបថត និងទទួលបានការយល់ព្រមពីបុគ្គលដែលមានក្នុងរូបថត',
    fr: 'Crédits photo indiqués et consentement des personnes photographiées obtenu',
  },
  required: false,
};

const FIGURES_VERIFIED: ChecklistItem = {
  id: 'figures-verified',
  text: {
    en: 'Figures verified against an official source',
    km: 'តួលេខត្រូវបានផ្ទៀងផ្ទាត់ជាមួយប្រភពផ្លូវការ',
    fr: 'Chiffres vérifiés auprès d’une source officielle',
  },
  required: true,
};

const PROMOTIONS_PAUSED: ChecklistItem = {
  id: 'promotions-paused',
  text: {
    en: 'Scheduled and promotional posts paused',
    km: 'បានផ្អាកការផ្សាយដែលបានកំណត់ពេលទុកជាមុន និងការផ្សព្វផ្សាយ',
    fr: 'Publications programmées et promotionnelles suspendues',
  },
  required: false,
};

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

export const STANDARD_TEMPLATE: ChecklistTemplate = {
  id: 'standard',
  title: { en: 'Standard post', km: 'ការផ្សាយទូទៅ', fr: 'Publication courante' },
  priority: 0,
  items: [CLEARED, NAMES_TITLES, NO_ERRORS, WITHIN_LIMIT, ALT_TEXT, SOURCE_LINK, HASHTAGS, PHOTO_CREDITS],
};

export const CRISIS_TEMPLATE: ChecklistTemplate = {
  id: 'crisis',
  title: {
    en: 'Crisis or breaking news',
    km: 'វិបត្តិ ឬព័ត៌មានបន្ទាន់',
    fr: 'Crise ou information urgente',
  },
  priority: 80,
  triggers: {
    modes: ['crisis'],
    terms: [
      // en
      'breaking', 'breaking news', 'urgent', 'emergency', 'state of emergency', 'evacuation', 'evacuate',
      'travel advisory', 'shelter in place', 'earthquake', 'tsunami', 'flooding', 'explosion', 'attack',
      // fr
      'urgence', 'état d’urgence', 'évacuation', 'alerte', 'conseils aux voyageurs', 'séisme', 'inondations',
      // km
      'ព័ត៌មានបន្ទាន់', 'ស្ថានភាពអាសន្ន', 'ការជម្លៀស', 'ជម្លៀសចេញ', 'គ្រោះមហន្តរាយ', 'រញ្ជួយដី', 'ទឹកជំនន់',
    ],
  },
  items: [
    {
      id: 'official-line',
      text: {
        en: "Cleared by the head of mission and consistent with the Ministry's official line",
        km: 'បានទទួលការឯកភាពពីប្រមុខបេសកកម្ម និងស្របតាមជំហរផ្លូវការរបស់ក្រសួង',
        fr: 'Validé par le chef de mission et conforme à la position officielle du ministère',
      },
      required: true,
    },
    FIGURES_VERIFIED,
    {
      id: 'no-speculation',
      text: {
        en: 'No speculation on casualties, causes or responsibility',
        km: 'មិនធ្វើការសន្និដ្ឋានទុកជាមុន អំពីចំនួនជនរងគ្រោះ មូលហេតុ ឬការទទួលខុសត្រូវ',
        fr: 'Aucune spéculation sur les victimes, les causes ou les responsabilités',
      },
      required: true,
    },
    SOURCE_LINK,
    {
      id: 'emergency-contacts',
      text: {
        en: 'Emergency contacts for Cambodian nationals (hotline, consular address) checked',
        km: 'បានពិនិត្យព័ត៌មានទំនាក់ទំនងបន្ទាន់សម្រាប់ពលរដ្ឋខ្មែរ (លេខទូរសព្ទបន្ទាន់ អាសយដ្ឋានផ្នែកកុងស៊ុល)',
        fr: 'Coordonnées d’urgence pour les ressortissants cambodgiens (numéro d’urgence, adresse consulaire) vérifiées',
      },
      required: true,
    },
    {
      id: 'time-stated',
      text: {
        en: 'Date and time of this update stated',
        km: 'បានបញ្ជាក់កាលបរិច្ឆេទ និងម៉ោងនៃព័ត៌មានបច្ចុប្បន្នភាពនេះ',
        fr: 'Date et heure de cette mise à jour indiquées',
      },
      required: false,
    },
    NO_ERRORS,
    PROMOTIONS_PAUSED,
  ],
};

export const CONDOLENCE_TEMPLATE: ChecklistTemplate = {
  id: 'condolence',
  title: {
    en: 'Condolence and national mourning',
    km: 'ការចូលរួមរំលែកទុក្ខ និងការកាន់ទុក្ខជាតិ',
    fr: 'Condoléances et deuil national',
  },
  priority: 90,
  triggers: {
    modes: ['mourning'],
    terms: [
      // en
      'condolence', 'condolences', 'deepest sympathy', 'heartfelt sympathy', 'passed away', 'passing of',
      'rest in peace', 'mourning', 'mourn', 'mourns', 'in memory of', 'tragic loss',
      // fr
      'condoléances', 'sincères condoléances', 'décès', 'deuil', 'deuil national', 'nous a quittés',
      'repose en paix', 'en mémoire de',
      // km
      'ចូលរួមរំលែកទុក្ខ', 'រំលែកទុក្ខ', 'សមវេទនា', 'មរណភាព', 'ទិវង្គត', 'សុគត', 'កាន់ទុក្ខ',
      'ទុក្ខព្រួយ',
    ],
  },
  items: [
    {
      id: 'protocol-wording',
      text: {
        en: 'Condolences worded per protocol; no promotional content',
        km: 'ពាក្យពេចន៍ចូលរួមរំលែកទុក្ខស្របតាមពិធីការ និងគ្មានខ្លឹមសារផ្សព្វផ្សាយ',
        fr: 'Condoléances formulées selon le protocole ; aucun contenu promotionnel',
      },
      required: true,
    },
    {
      id: 'names-titles',
      text: {
        en: 'Name, title and honorifics of the deceased and of the bereaved family checked',
        km: 'បានពិនិត្យឈ្មោះ ឋានៈ និងគោរមងារ របស់សព និងក្រុមគ្រួសារសព',
        fr: 'Nom, titre et qualités du défunt et de la famille endeuillée vérifiés',
      },
      required: true,
    },
    CLEARED,
    {
      id: 'sober-tone',
      text: {
        en: 'Sober tone: no emojis, exclamation marks or unrelated hashtags',
        km: 'ប្រើសំនៀងស្ងប់ស្ងាត់ និងសមរម្យ៖ គ្មានរូបតំណាងអារម្មណ៍ (emoji) សញ្ញាឧទាន ឬ hashtag ដែលមិនពាក់ព័ន្ធ',
        fr: 'Ton sobre : ni émojis, ni points d’exclamation, ni mots-dièses sans rapport',
      },
      required: true,
    },
    {
      id: 'mourning-image',
      text: {
        en: 'Image suited to mourning (black and white or flag at half-mast; no festive photos)',
        km: 'រូបភាពសមស្របនឹងការកាន់ទុក្ខ (ពណ៌សខ្មៅ ឬទង់ជាតិបង្ហូតពាក់កណ្ដាលដង គ្មានរូបថតបែបសប្បាយរីករាយ)',
        fr: 'Image adaptée au deuil (noir et blanc ou drapeau en berne ; aucune photo festive)',
      },
      required: false,
    },
    ALT_TEXT,
    TRANSLATION,
    {
      ...PROMOTIONS_PAUSED,
      text: {
        en: 'Scheduled and promotional posts paused for the mourning period',
        km: 'បានផ្អាកការផ្សាយដែលបានកំណត់ពេលទុកជាមុន និងការផ្សព្វផ្សាយ ក្នុងរយៈពេលកាន់ទុក្ខ',
        fr: 'Publications programmées et promotionnelles suspendues pendant la période de deuil',
      },
    },
  ],
};

export const OFFICIAL_VISIT_TEMPLATE: ChecklistTemplate = {
  id: 'official-visit',
  title: {
    en: 'Official visit or event',
    km: 'ទស្សនកិច្ច ឬព្រឹត្តិការណ៍ផ្លូវការ',
    fr: 'Visite ou événement officiel',
  },
  priority: 50,
  triggers: {
    terms: [
      // en
      'official visit', 'state visit', 'working visit', 'courtesy call', 'bilateral meeting', 'delegation',
      'signing ceremony', 'memorandum of understanding', 'mou', 'reception', 'national day', 'audience with',
      // fr
      'visite officielle', 'visite d’état', 'visite de travail', 'visite de courtoisie', 'délégation',
      'entretien bilatéral', 'cérémonie de signature', 'protocole d’accord', 'fête nationale',
      // km
      'ទស្សនកិច្ចផ្លូវការ', 'ទស្សនកិច្ចរដ្ឋ', 'ទស្សនកិច្ចការងារ', 'ជំនួបសម្ដែងការគួរសម', 'គណៈប្រតិភូ',
      'ពិធីចុះហត្ថលេខា', 'អនុស្សរណៈនៃការយោគយល់គ្នា', 'កិច្ចប្រជុំទ្វេភាគី', 'ពិធីទទួលភ្ញៀវ',
    ],
  },
  items: [
    CLEARED,
    {
      ...NAMES_TITLES,
      text: {
        en: 'Names, titles and forms of address checked, in order of precedence',
        km: 'បានពិនិត្យឈ្មោះ ឋានៈ និងពាក្យគោរព តាមលំដាប់អាទិភាពពិធីការ',
        fr: 'Noms, titres et appellations protocolaires vérifiés, dans l’ordre de préséance',
      },
    },
    {
      id: 'event-details',
      text: {
        en: 'Date, place and purpose of the visit or event confirmed',
        km: 'បានបញ្ជាក់កាលបរិច្ឆេទ ទីកន្លែង និងគោលបំណងនៃទស្សនកិច្ច ឬព្រឹត្តិការណ៍',
        fr: 'Date, lieu et objet de la visite ou de l’événement confirmés',
      },
      required: true,
    },
    {
      id: 'security-embargo',
      text: {
        en: 'Security and embargo respected: no movements announced in advance without clearance',
        km: 'គោរពការរក្សាសន្តិសុខ និងការហាមផ្សាយ៖ មិនប្រកាសអំពីការធ្វើដំណើរទុកជាមុន ដោយគ្មានការអនុញ្ញាត',
        fr: 'Sécurité et embargo respectés : aucun déplacement annoncé à l’avance sans autorisation',
      },
      required: true,
    },
    PHOTO_CREDITS,
    ALT_TEXT,
    TRANSLATION,
    VERSIONS_MATCH,
  ],
};

export const PERSONAL_TEMPLATE: ChecklistTemplate = {
  id: 'personal',
  title: { en: 'Personal account', km: 'គណនីផ្ទាល់ខ្លួន', fr: 'Compte personnel' },
  priority: 30,
  triggers: { terms: [], accountType: 'personal' },
  items: [
    {
      id: 'personal-capacity',
      text: {
        en: 'Clearly personal: does not speak for the Royal Government or the Ministry',
        km: 'បង្ហាញច្បាស់ថាជាមតិផ្ទាល់ខ្លួន មិនមែនជាការថ្លែងក្នុងនាមរាជរដ្ឋាភិបាល ឬក្រសួងឡើយ',
        fr: 'Propos clairement personnels : n’engagent ni le Gouvernement royal ni le ministère',
      },
      required: true,
    },
    {
      id: 'no-confidential',
      text: {
        en: 'No confidential, internal or unreleased information',
        km: 'គ្មានព័ត៌មានសម្ងាត់ ព័ត៌មានផ្ទៃក្នុង ឬព័ត៌មានដែលមិនទាន់បានប្រកាសជាផ្លូវការ',
        fr: 'Aucune information confidentielle, interne ou non encore rendue publique',
      },
      required: true,
    },
    {
      id: 'duty-of-discretion',
      text: {
        en: "Consistent with the duty of discretion and the Government's positions",
        km: 'ស្របតាមកាតព្វកិច្ចរក្សាការប្រុងប្រយ័ត្ន និងជំហររបស់រាជរដ្ឋាភិបាល',
        fr: 'Conforme au devoir de réserve et aux positions du Gouvernement',
      },
      required: true,
    },
    NO_ERRORS,
    {
      id: 'privacy',
      text: {
        en: 'Photos of others posted with their consent; no private details of family or colleagues',
        km: 'រូបថតអ្នកដទៃត្រូវផ្សាយដោយមានការយល់ព្រម និងគ្មានព័ត៌មានឯកជនរបស់ក្រុមគ្រួសារ ឬសហការី',
        fr: 'Photos de tiers publiées avec leur consentement ; aucune information privée sur les proches ou les collègues',
      },
      required: false,
    },
    {
      id: 'location',
      text: {
        en: 'No real-time location or travel plans revealed',
        km: 'មិនបង្ហាញទីតាំងបច្ចុប្បន្ន ឬផែនការធ្វើដំណើរ',
        fr: 'Aucune localisation en temps réel ni projet de déplacement révélé',
      },
      required: false,
    },
    { ...ALT_TEXT, required: false },
  ],
};

export const REPLY_CRITICISM_TEMPLATE: ChecklistTemplate = {
  id: 'reply-criticism',
  title: { en: 'Reply to criticism', km: 'ការឆ្លើយតបនឹងការរិះគន់', fr: 'Réponse à une critique' },
  priority: 70,
  triggers: { terms: [], replyContext: true },
  items: [
    {
      id: 'reply-needed',
      text: {
        en: 'Agreed that a reply is needed and will not amplify the criticism',
        km: 'បានឯកភាពថា ការឆ្លើយតបគឺចាំបាច់ ហើយនឹងមិនធ្វើឱ្យការរិះគន់រីករាលដាលថែមទៀត',
        fr: 'Réponse jugée nécessaire et sans risque d’amplifier la critique',
      },
      required: true,
    },
    CLEARED,
    {
      ...FIGURES_VERIFIED,
      text: {
        en: 'Facts and figures verified against an official source',
        km: 'ការពិត និងតួលេខត្រូវបានផ្ទៀងផ្ទាត់ជាមួយប្រភពផ្លូវការ',
        fr: 'Faits et chiffres vérifiés auprès d’une source officielle',
      },
    },
    {
      id: 'courteous-tone',
      text: {
        en: 'Courteous, factual tone; no personal attacks or sarcasm',
        km: 'ប្រើសំនៀងគួរសម និងផ្អែកលើការពិត គ្មានការវាយប្រហារលើបុគ្គល ឬការនិយាយចំអក',
        fr: 'Ton courtois et factuel ; ni attaque personnelle ni sarcasme',
      },
      required: true,
    },
    {
      id: 'published-position',
      text: {
        en: "Consistent with the Ministry's published position",
        km: 'ស្របតាមជំហរដែលក្រសួងបានប្រកាសជាសាធារណៈ',
        fr: 'Conforme à la position publiée du ministère',
      },
      required: true,
    },
    SOURCE_LINK,
    NO_ERRORS,
  ],
};

/** The six built-in templates, in descending priority. */
export const BUILT_IN_TEMPLATES: readonly ChecklistTemplate[] = [
  CONDOLENCE_TEMPLATE,
  CRISIS_TEMPLATE,
  REPLY_CRITICISM_TEMPLATE,
  OFFICIAL_VISIT_TEMPLATE,
  PERSONAL_TEMPLATE,
  STANDARD_TEMPLATE,
];

/** Id of the template used when no trigger matches. */
export const DEFAULT_TEMPLATE_ID = 'standard';

/**
 * Combines template layers: built-in, then the user's edits from options, then
 * the organisation policy. A later layer replaces a template with the same id
 * wholesale (policy wins over options, options over built-in); new ids are
 * added. Order of the result: first appearance of each id.
 */
export function mergeTemplates(...layers: readonly (readonly ChecklistTemplate[])[]): ChecklistTemplate[] {
  const byId = new Map<string, ChecklistTemplate>();
  for (const layer of layers) {
    for (const template of layer) byId.set(template.id, template);
  }
  return [...byId.values()];
}

/** The template with this id, if any. */
export function findTemplate(templates: readonly ChecklistTemplate[], id: string): ChecklistTemplate | undefined {
  return templates.find((t) => t.id === id);
}
