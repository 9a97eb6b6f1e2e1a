/**
 * The JobTech taxonomy concepts the demo data uses, by their real concept ids. Every id here is in the built-in demo
 * subset (libs/taxonomy/demo-subset/) and so in the full taxonomy too; a unit test checks both, and the loader checks
 * the database before it writes anything. The labels are for people reading this file and for the summaries.
 */

/** SUN 2020 top-level education levels (code → concept id). */
export const EDUCATION = {
  /** Förgymnasial utbildning, kortare än 9 år */
  PRIMARY_SHORT: { conceptId: 'p7d8_c57_h7X', sunCode: '1' },
  /** Förgymnasial utbildning, 9 (10) år */
  PRIMARY: { conceptId: 'm5ZS_gKU_d4v', sunCode: '2' },
  /** Gymnasial utbildning */
  UPPER_SECONDARY: { conceptId: 'wyLL_K3a_HRC', sunCode: '3' },
  /** Eftergymnasial utbildning, kortare än 2 år */
  POST_SECONDARY_SHORT: { conceptId: 'GD66_5wp_MSh', sunCode: '4' },
  /** Eftergymnasial utbildning, minst 2 år */
  POST_SECONDARY: { conceptId: 'KBjB_gpS_ZJL', sunCode: '5' },
} as const;

export type EducationKey = keyof typeof EDUCATION;

/** Municipalities of Stockholms län the demo data uses, by kommunkod. */
export const MUNICIPALITIES = {
  '0120': { conceptId: '15nx_Vut_GrH', name: 'Värmdö' },
  '0182': { conceptId: 'aYA7_PpG_BqP', name: 'Nacka' },
  '0136': { conceptId: 'Q7gp_9dT_k2F', name: 'Haninge' },
  '0138': { conceptId: 'sTPc_k2B_SqV', name: 'Tyresö' },
  '0180': { conceptId: 'AvNB_uwa_6n6', name: 'Stockholm' },
  '0126': { conceptId: 'g1Gc_aXK_EKu', name: 'Huddinge' },
} as const;

export type MunicipalityCode = keyof typeof MUNICIPALITIES;

export const DRIVING_LICENCES = {
  B: 'VTK8_WRx_GcM',
  C: 'BKCx_hST_Pcm',
  CE: 'zZu8_iZ9_wMH',
  AM: '4HpY_e2U_TUH',
} as const;

/** Languages (never Swedish: that is the Swedish level). */
export const LANGUAGES = {
  arabiska: '3iEY_RGP_qXq',
  tigrinja: 'nPzh_1oc_EKz',
  dari: 'Lozg_qhA_r3y',
  hazaragi: '5q1i_S5g_9Cn',
  pashto: 'g6Up_z8D_oAY',
  somaliska: 'F6dn_vX1_Qnm',
  persiska: 'sNoC_CTL_8Ph',
  ukrainska: 'zkfD_Qwv_kTk',
  ryska: 'mHSV_SUD_wXF',
  kurmanji: 'nTYu_SG6_CNa',
  sorani: '49Hh_qTx_aj5',
  amhariska: 'EMhG_wnR_hYP',
  oromo: 'qDZT_5H6_ZET',
  turkiska: 'UaRX_FvG_rKF',
  engelska: 'NVxJ_hLg_TYS',
  franska: 'AJf5_p3a_b64',
  lingala: 'NBKm_cvX_fGo',
  tamil: 'u4QL_MM1_3zA',
  wolof: 'GF87_h5U_r6r',
  tjetjenska: 'wfdT_62G_T49',
  uzbekiska: '3Xxo_J8v_rez',
  mongoliska: 'J6dh_R8z_Ja4',
  vietnamesiska: 'RqHU_aEE_tJA',
  swahili: 'Hbzs_PLN_Vo8',
  urdu: 'Jw1X_vyk_SbY',
  bengali: 'GBG3_87R_ux1',
  georgiska: 'jALF_55z_yDE',
  spanska: 'i9Hd_bVm_Z3c',
} as const;

export type LanguageKey = keyof typeof LANGUAGES;

/** An occupation name: concept id, and the word a Swedish sentence uses for it ("erfarenhet som …"). */
export interface DemoOccupation {
  conceptId: string;
  label: string;
  noun: string;
}

const occupation = (conceptId: string, label: string, noun = label.toLowerCase()): DemoOccupation => ({
  conceptId,
  label,
  noun,
});

export const OCCUPATIONS = {
  barnskotare: occupation('rM7G_ge7_XhP', 'Barnskötare'),
  elevassistent: occupation('Sbzf_iBA_MAS', 'Elevassistent'),
  forskoleassistent: occupation('6hqG_QEH_YwN', 'Förskoleassistent'),
  lararassistent: occupation('Zfgc_BYU_HM2', 'Lärarassistent'),
  modersmalspedagog: occupation('rN8K_yrD_VDk', 'Modersmålspedagog'),
  fritidsledare: occupation('ZnNn_D2K_pTi', 'Fritidsledare'),
  dagbarnvardare: occupation('ujBX_nic_wuH', 'Dagbarnvårdare'),
  skolvard: occupation('17FS_XzU_AQ4', 'Skolvärd'),
  stodpedagog: occupation('NSEG_DmQ_waj', 'Stödpedagog'),
  underskoterskaHemtjanst: occupation(
    'bSEB_VKd_Ub3',
    'Undersköterska, hemtjänst, äldreboende och habilitering',
    'undersköterska',
  ),
  underskoterskaVard: occupation(
    'PQkQ_Dmk_ZF8',
    'Undersköterska, vård- och specialavdelning och mottagning',
    'undersköterska i vården',
  ),
  omvardnadsassistent: occupation('pTLX_W9d_byF', 'Omvårdnadsassistent'),
  vardbitrade: occupation('4zLr_jP5_peZ', 'Vårdbiträde'),
  sjukvardsbitrade: occupation('Edjj_2Q7_P8X', 'Sjukvårdsbiträde'),
  hemvardare: occupation('enMi_XgH_GQc', 'Hemvårdare'),
  personligAssistent: occupation('eU1q_zvL_9Rf', 'Personlig assistent'),
  ledsagare: occupation('SF73_TBz_fhR', 'Ledsagare'),
  stodassistent: occupation('LxhG_of8_eMi', 'Stödassistent'),
  boendestodjare: occupation('tT85_Pdp_4Uq', 'Boendestödjare'),
  stadare: occupation('KF64_AvU_S4N', 'Städare'),
  sjukhusstadare: occupation('gBcF_mUm_Ruc', 'Sjukhusstädare'),
  hemhjalp: occupation('jvPc_9RA_vBq', 'Hemhjälp'),
  koksbitrade: occupation('oRB5_b7i_Qzv', 'Köksbiträde'),
  diskare: occupation('pKTY_Kwu_sUw', 'Diskare'),
  restaurangbitrade: occupation('yXRQ_Ad9_E8V', 'Restaurangbiträde'),
  maltidsbitrade: occupation('EaDK_DwG_ujx', 'Måltidsbiträde'),
  kafebitrade: occupation('uWvx_kdX_rL5', 'Kafébiträde/Konditoribiträde', 'kafébiträde'),
  pizzabagare: occupation('9YaE_Syg_5ZB', 'Pizzabagare'),
  kockStorhushall: occupation('Vg3d_Azf_p5Y', 'Kock storhushåll', 'kock i storkök'),
  kockAlacarte: occupation('JbJw_as4_S93', 'Kock à la carte', 'kock'),
  kallskanka: occupation('JECy_3w6_gah', 'Kallskänka'),
  servitor: occupation('rGGf_KLs_To7', 'Servitör/Servitris', 'servitör'),
  butikssaljareDagligvaror: occupation(
    'pBhS_6fg_727',
    'Butikssäljare, dagligvaror/Medarbetare, dagligvaror',
    'butiksmedarbetare',
  ),
  butikssaljareFackhandel: occupation('ek9W_CmD_y2M', 'Butikssäljare, fackhandel', 'butikssäljare'),
  kassapersonal: occupation('j8X2_KhG_6ty', 'Kassapersonal', 'kassabiträde'),
  lagerarbetare: occupation('DLEi_bTh_oLA', 'Lagerarbetare/Terminalarbetare', 'lagerarbetare'),
  truckforare: occupation('GQSf_fnq_kjF', 'Truckförare'),
  flyttkarl: occupation('rzVf_pA7_qGY', 'Expressarbetare/Flyttkarl/Stadsbud', 'flyttarbetare'),
  fastighetsskotare: occupation('gD5N_mCM_ea5', 'Fastighetsskötare'),
  parkarbetare: occupation('4Y6u_JPp_jas', 'Park- och trädgårdsarbetare', 'trädgårdsarbetare'),
} as const satisfies Record<string, DemoOccupation>;

export type OccupationKey = keyof typeof OCCUPATIONS;

export const SKILLS = {
  // Children and school
  barnskotarutbildning: '6nLZ_J6J_rrT',
  barntillsyn: 'uwX1_vsc_ERP',
  sarskiltStod: 'CGBF_fgA_qnj',
  pedagogiskDokumentation: 'Gpb3_ty6_e1S',
  tydliggorandePedagogik: 'qMfa_U8e_Lto',
  modersmalForskola: 'juhE_YYk_eS2',
  modersmalsundervisning: 'yMpX_hfE_xgc',
  mangkulturellForskola: '55EM_sdj_hja',
  bildOchForm: 'CLo2_bZY_jci',
  musikForskola: '761V_1np_yUz',
  fritidshem: 'Aq3e_Bdv_v45',
  fritidspedagogik: 'Fiyw_2Zs_fJk',
  fritidsgard: 'hLkC_wwg_kmg',
  teckenSomStod: 'Cg3t_mwF_yoD',
  npf: 'tg1e_QpF_xdX',
  lekterapi: 'iVSa_PYJ_19v',
  skapandeVerksamhet: 'yBqM_aw8_hWJ',
  barnFunktionsnedsattning: 'w2ok_LT3_BXa',
  forstaHjalpen: 'myz9_nz9_hTL',
  // Care
  adlTraning: 'uj9N_8yo_T72',
  basalaHygienrutiner: 'C1qR_L83_nzh',
  demensvard: 'hqYJ_jyZ_Ks8',
  dokumentationVard: 'F7nJ_k5s_L29',
  ergonomisktArbetssatt: 'rVUL_AgV_ZTH',
  hemsjukvard: 'NbjJ_WBY_FoA',
  hemtjanst: 'xowU_8Wu_K7C',
  hlr: 'irju_S7Y_Xbr',
  inkontinenshjalpmedel: 'AmSg_wbt_ZzD',
  omsorgsutbildning: '14eq_XTy_BPB',
  omvardnad: 'MR4H_FFT_mTj',
  personligOmvardnad: 'zgd6_6Bj_829',
  sjukvardssvenska: 'Mmxs_Qrv_cpG',
  socialDokumentation: 'axxm_t1P_6WR',
  aldreboende: 'tykJ_BZQ_Wer',
  aldreomsorg: 'Yt2Z_1pY_MNz',
  funktionsnedsattningOmsorg: 'X3ec_jqv_xRp',
  bostadSarskildService: 'E3iH_XQQ_pvE',
  nutrition: 'PryY_ETL_JEW',
  // Cleaning
  butiksstadning: '7NM4_ArB_Zy2',
  flyttstadning: 'PNwF_wJR_fmW',
  fonsterputsning: 'BQPp_SQs_dtc',
  golvvard: 'T4gk_cvU_TWk',
  hygienstadning: 'N9ho_NPL_JBg',
  kontorsstadning: 'beHF_mum_ANM',
  sjukhusstadning: '1AhX_Du2_VPY',
  stadmaterial: 'iu18_YyQ_hmh',
  stadningSkola: 'y4sg_zUA_mPz',
  stadtjanster: 'fZdk_vbt_LhP',
  tvatt: '23oc_Z6a_Gp9',
  avfallssortering: '1ezP_GoJ_DES',
  ergonomi: 'Qecp_WbB_vyj',
  // Kitchen and restaurant
  alacarte: 'Bb4Q_Vou_pbq',
  alkoholservering: 'ZdiP_HTr_Bqk',
  bakeOff: 'FN7N_7er_WmW',
  barista: 'UTCj_FNR_wcp',
  bordsservering: '5fAq_Squ_o7p',
  catering: 'Eksc_iXV_Z1S',
  enklareBakning: 'hNkT_cJr_4ki',
  enklareMatlagning: 'dNA9_T9K_JXF',
  fastFood: '1Zwa_X6Q_Dyk',
  haccp: 'UFfC_aC2_MiC',
  kallkok: 'HtgZ_Ukp_YEX',
  kurdisktKok: 'fEwM_m56_4sW',
  livsmedel: 'tdbu_fUL_MnC',
  livsmedelshygien: 'kj4Q_nLh_u8Q',
  pizzabakning: '1abT_LRk_fg2',
  skolmaltider: 'ogdH_rrn_NWT',
  specialkost: 'JYKn_PRX_tif',
  storkok: 'GQ9R_2Za_Awt',
  diskningRestaurangkok: 'xgpz_5A1_B2g',
  egenkontroll: 'EeYs_uSG_BUb',
  // Shop
  kassaredovisning: 'EcuE_BY7_mc4',
  kassavana: 'hYpk_RYx_y3V',
  kundbemotande: '2RpU_Wtb_59E',
  kundtjanst: 'aMyW_hB7_TpU',
  pafyllningsservice: 'C5cf_P6E_hhT',
  varumottagning: 'rYxp_wbM_YSG',
  // Warehouse
  lagerhanteringsprogram: '1oA3_GfA_82Y',
  lagerhallning: '3RBh_oUj_58E',
  lagerinventering: 'ZsuU_rPA_r6g',
  orderplockning: 'S1ZP_o8S_Jxf',
  truckvana: 'pGts_PKK_c8W',
  varuplock: 'v3dQ_9We_tK5',
  skyddsutrustning: '7CRV_X9r_4gG',
  // Property and grounds
  fastighetsjour: 'hbpj_9xW_t6A',
  fastighetsskotsel: 'J5Xc_doF_TUR',
  fastighetsunderhall: 'fG9j_hFZ_Vm5',
  snoskottning: 'Am5W_fAR_RqU',
  tradgardsskotsel: 'AAaS_o41_sEg',
  // Languages at work
  kontakttolkning: 'RHeM_P9i_PJb',
} as const;

export type SkillKey = keyof typeof SKILLS;

/**
 * The occupational fields of the demo: the three Jobbspår fields (children and school, care, service jobs — the
 * last split by workplace) with their occupations, skills and the words a summary uses.
 */
export interface OccupationalField {
  occupations: readonly OccupationKey[];
  skills: readonly SkillKey[];
  /** "Vill arbeta inom …" */
  area: string;
}

export const FIELDS = {
  CHILDREN: {
    occupations: [
      'barnskotare',
      'elevassistent',
      'forskoleassistent',
      'lararassistent',
      'modersmalspedagog',
      'fritidsledare',
      'dagbarnvardare',
      'skolvard',
      'stodpedagog',
    ],
    skills: [
      'barnskotarutbildning',
      'barntillsyn',
      'sarskiltStod',
      'pedagogiskDokumentation',
      'tydliggorandePedagogik',
      'modersmalForskola',
      'modersmalsundervisning',
      'mangkulturellForskola',
      'bildOchForm',
      'musikForskola',
      'fritidshem',
      'fritidspedagogik',
      'fritidsgard',
      'teckenSomStod',
      'npf',
      'lekterapi',
      'skapandeVerksamhet',
      'barnFunktionsnedsattning',
      'forstaHjalpen',
    ],
    area: 'förskola och skola',
  },
  CARE: {
    occupations: [
      'underskoterskaHemtjanst',
      'underskoterskaVard',
      'omvardnadsassistent',
      'vardbitrade',
      'sjukvardsbitrade',
      'hemvardare',
      'personligAssistent',
      'ledsagare',
      'stodassistent',
      'boendestodjare',
    ],
    skills: [
      'adlTraning',
      'basalaHygienrutiner',
      'demensvard',
      'dokumentationVard',
      'ergonomisktArbetssatt',
      'hemsjukvard',
      'hemtjanst',
      'hlr',
      'inkontinenshjalpmedel',
      'omsorgsutbildning',
      'omvardnad',
      'personligOmvardnad',
      'sjukvardssvenska',
      'socialDokumentation',
      'aldreboende',
      'aldreomsorg',
      'funktionsnedsattningOmsorg',
      'bostadSarskildService',
      'nutrition',
    ],
    area: 'vård och omsorg',
  },
  CLEANING: {
    occupations: ['stadare', 'sjukhusstadare', 'hemhjalp'],
    skills: [
      'butiksstadning',
      'flyttstadning',
      'fonsterputsning',
      'golvvard',
      'hygienstadning',
      'kontorsstadning',
      'sjukhusstadning',
      'stadmaterial',
      'stadningSkola',
      'stadtjanster',
      'tvatt',
      'avfallssortering',
      'ergonomi',
    ],
    area: 'städ och service',
  },
  KITCHEN: {
    occupations: [
      'koksbitrade',
      'diskare',
      'restaurangbitrade',
      'maltidsbitrade',
      'kafebitrade',
      'pizzabagare',
      'kockStorhushall',
      'kockAlacarte',
      'kallskanka',
      'servitor',
    ],
    skills: [
      'alacarte',
      'alkoholservering',
      'bakeOff',
      'barista',
      'bordsservering',
      'catering',
      'enklareBakning',
      'enklareMatlagning',
      'fastFood',
      'haccp',
      'kallkok',
      'kurdisktKok',
      'livsmedel',
      'livsmedelshygien',
      'pizzabakning',
      'skolmaltider',
      'specialkost',
      'storkok',
      'diskningRestaurangkok',
      'egenkontroll',
    ],
    area: 'restaurang och storkök',
  },
  SHOP: {
    occupations: ['butikssaljareDagligvaror', 'butikssaljareFackhandel', 'kassapersonal'],
    skills: [
      'kassaredovisning',
      'kassavana',
      'kundbemotande',
      'kundtjanst',
      'pafyllningsservice',
      'varumottagning',
      'butiksstadning',
    ],
    area: 'butik och handel',
  },
  WAREHOUSE: {
    occupations: ['lagerarbetare', 'truckforare', 'flyttkarl'],
    skills: [
      'lagerhanteringsprogram',
      'lagerhallning',
      'lagerinventering',
      'orderplockning',
      'truckvana',
      'varuplock',
      'varumottagning',
      'skyddsutrustning',
    ],
    area: 'lager och logistik',
  },
  PROPERTY: {
    occupations: ['fastighetsskotare', 'parkarbetare'],
    skills: [
      'fastighetsjour',
      'fastighetsskotsel',
      'fastighetsunderhall',
      'snoskottning',
      'tradgardsskotsel',
      'avfallssortering',
      'skyddsutrustning',
    ],
    area: 'fastighetsskötsel och utemiljö',
  },
} as const satisfies Record<string, OccupationalField>;

export type FieldKey = keyof typeof FIELDS;

/** Every concept id of the demo data by taxonomy table, for the checks. */
export function demoConceptIds(): Record<
  'occupations' | 'skills' | 'languages' | 'municipalities' | 'educationLevels' | 'drivingLicences',
  string[]
> {
  return {
    occupations: Object.values(OCCUPATIONS).map((o) => o.conceptId),
    skills: Object.values(SKILLS),
    languages: Object.values(LANGUAGES),
    municipalities: Object.values(MUNICIPALITIES).map((m) => m.conceptId),
    educationLevels: Object.values(EDUCATION).map((e) => e.conceptId),
    drivingLicences: Object.values(DRIVING_LICENCES),
  };
}
