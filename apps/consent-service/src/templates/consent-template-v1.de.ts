import type { ConsentTemplate } from '@gmdb/domain';

/** Einwilligungsformular Version 1, Deutsch: die Übersetzung von CONSENT_TEMPLATE_V1_EN. Nie ändern. */
export const CONSENT_TEMPLATE_V1_DE: ConsentTemplate = {
  version: '1',
  language: 'de',
  title: 'Einwilligung in die Nutzung von Fotos und klinischen Daten in der GestaltMatcher-Datenbank (GMDB)',
  introduction:
    'Die GestaltMatcher-Datenbank (GMDB) sammelt Fotos und klinische Daten von Menschen mit seltenen genetischen ' +
    'Erkrankungen. Computerprogramme lernen anhand dieser Fotos, Gesichtsmerkmale zu erkennen, die für eine ' +
    'Erkrankung typisch sind. So können Ärztinnen und Ärzte bei anderen Kindern und Erwachsenen schneller eine ' +
    'Diagnose finden. Die Teilnahme ist freiwillig. Eine Ablehnung hat keinen Einfluss auf Ihre medizinische ' +
    'Versorgung oder die Ihres Kindes. Bitte lesen Sie jede Auswahl und entscheiden Sie für jede einzeln.',
  choices: [
    {
      key: 'ai-training-only',
      exclusiveGroup: 'data-use',
      title: 'Speicherung nur zum Training der KI (GMDB-privat)',
      text:
        'Die Fotos und Daten werden in der GMDB gespeichert und nur zum Trainieren und Testen der ' +
        'GestaltMatcher-Programme verwendet. Sie werden anderen Nutzern der Datenbank nie gezeigt und nicht an ' +
        'Forschende weitergegeben.',
    },
    {
      key: 'fair-sharing',
      exclusiveGroup: 'data-use',
      title: 'Freigabe für registrierte Ärztinnen, Ärzte und genehmigte Forschende (GMDB-FAIR)',
      text:
        'Zusätzlich zum Training der KI dürfen registrierte Ärztinnen, Ärzte und Wissenschaftler die Fotos und ' +
        'Daten in der GMDB sehen, und sie dürfen in Datensätze aufgenommen werden, die Forschende nach Genehmigung ' +
        'ihres Projekts durch den GMDB-Beirat erhalten. Name, Geburtsdatum und Adresse sind nie Teil des Eintrags.',
    },
    {
      key: 'presentations',
      title: 'Verwendung in wissenschaftlichen Vorträgen',
      text: 'Fotos dürfen in Vorträgen und auf Postern bei wissenschaftlichen Tagungen für Fachpersonal gezeigt werden.',
    },
    {
      key: 'teaching',
      title: 'Verwendung in der Lehre',
      text: 'Fotos dürfen im Unterricht für Medizinstudierende und Ärztinnen und Ärzte in Weiterbildung verwendet werden.',
    },
    {
      key: 'other-journals',
      title: 'Verwendung in Veröffentlichungen anderer Fachzeitschriften',
      text:
        'Fotos dürfen in Artikeln anderer wissenschaftlicher Fachzeitschriften als den GMDB-Mikropublikationen ' +
        'erscheinen. Eine gedruckte Veröffentlichung kann nicht zurückgerufen werden.',
    },
    {
      key: 'matchmaking-contact',
      title: 'Kontakt für den Abgleich mit ähnlichen Fällen',
      text:
        'Wird eine andere Person mit sehr ähnlichen Merkmalen gefunden, darf die behandelnde Ärztin oder der ' +
        'behandelnde Arzt kontaktiert werden, damit sich beide Behandlungsteams austauschen können.',
    },
  ],
  declaration:
    'Ich habe diese Information gelesen und hatte Gelegenheit, Fragen zu stellen. Ich stimme den oben markierten ' +
    'Punkten zu. Ich unterschreibe als Patientin oder Patient oder als Elternteil oder gesetzlicher Vormund.',
  withdrawal:
    'Sie können Ihre Auswahl jederzeit online ändern oder Ihre Einwilligung ohne Angabe von Gründen widerrufen. ' +
    'Nach einem Widerruf wird der Fall sofort verborgen, aus der Galerie der KI und aus künftigen Datensätzen ' +
    'entfernt, und seine Fotos werden nach einer kurzen Frist gelöscht. Daten, die bereits in veröffentlichten ' +
    'Artikeln oder herausgegebenen Datensätzen verwendet wurden, können nicht zurückgerufen werden.',
  publishedAt: '2026-11-01T00:00:00.000Z',
};
