import type { ConsentTemplate } from '@gmdb/domain';

/** Consent form version 1, English. Published text: never edit; publish a new version instead. */
export const CONSENT_TEMPLATE_V1_EN: ConsentTemplate = {
  version: '1',
  language: 'en',
  title: 'Consent to the use of photos and clinical data in the GestaltMatcher Database (GMDB)',
  introduction:
    'The GestaltMatcher Database (GMDB) collects photos and clinical data of people with rare genetic disorders. ' +
    'Computer programs learn from these photos to recognise facial features typical of a disorder, which helps ' +
    'doctors find a diagnosis sooner for other children and adults. Taking part is voluntary. Saying no has no ' +
    'effect on your or your child\u2019s medical care. Please read each choice below and decide for each one.',
  choices: [
    {
      key: 'ai-training-only',
      exclusiveGroup: 'data-use',
      title: 'Storage for training the AI only (GMDB-private)',
      text:
        'The photos and data are stored in GMDB and used only to train and test the GestaltMatcher programs. ' +
        'They are never shown to other users of the database and are not passed on to researchers.',
    },
    {
      key: 'fair-sharing',
      exclusiveGroup: 'data-use',
      title: 'Sharing with registered clinicians and approved researchers (GMDB-FAIR)',
      text:
        'In addition to training the AI, the photos and data may be seen by registered clinicians and scientists ' +
        'in GMDB, and may be included in datasets given to researchers whose project has been approved by the ' +
        'GMDB advisory board. Name, date of birth and address are never part of the record.',
    },
    {
      key: 'presentations',
      title: 'Use in scientific presentations',
      text: 'Photos may be shown in talks and posters at scientific meetings for medical professionals.',
    },
    {
      key: 'teaching',
      title: 'Use in teaching',
      text: 'Photos may be used to teach medical students and doctors in training.',
    },
    {
      key: 'other-journals',
      title: 'Use in publications in other journals',
      text:
        'Photos may appear in articles in scientific journals other than the GMDB micro-publications. ' +
        'Once printed, a publication cannot be recalled.',
    },
    {
      key: 'matchmaking-contact',
      title: 'Contact for matchmaking',
      text:
        'If another patient with very similar features is found, the responsible doctor may be contacted ' +
        'so that the two care teams can exchange information.',
    },
  ],
  declaration:
    'I have read this information and had the opportunity to ask questions. I agree to the choices I marked above. ' +
    'I sign as the patient, or as parent or legal guardian of the patient.',
  withdrawal:
    'You can change your choices or withdraw your consent at any time online, without giving reasons. After a ' +
    'withdrawal the case is hidden at once, removed from the AI\u2019s gallery and from future datasets, and its ' +
    'photos are deleted after a short grace period. Data already used in published articles or released datasets ' +
    'cannot be recalled.',
  publishedAt: '2026-11-01T00:00:00.000Z',
};
