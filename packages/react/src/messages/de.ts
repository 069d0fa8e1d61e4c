import { errorsDe } from "./errors-de.js";
import type { Messages } from "./messages.js";

/**
 * The German catalogue (Sie-Form). Typed as {@link Messages}: a missing key is a type error.
 *
 * @example
 * de.steps.register_phone.title; // "Nummer umziehen"
 */
export const de: Messages = {
  title: "Ihre WhatsApp-Nummer umziehen",
  stepsLabel: "Schritte des Umzugs",
  stepCounter: "Schritt {n} von {total}",
  stepStates: {
    pending: "Noch nicht begonnen",
    current: "Aktueller Schritt",
    complete: "Erledigt",
    failed: "Fehlgeschlagen",
    action_required: "Aktion von Ihnen nötig",
  },
  flowStates: {
    idle: "Wird vorbereitet.",
    preparing: "Das Anmeldefenster von Meta wird geladen.",
    ready: "Bereit zum Start.",
    in_popup: "Das Meta-Fenster ist geöffnet. Schließen Sie die Anmeldung dort ab.",
    submitting: "Ihre Anmeldung wird an unseren Server gesendet.",
    running: "Ihre Nummer wird umgezogen. Diese Seite aktualisiert sich selbst.",
    action_required: "Der Umzug wartet auf Ihre Aktion.",
    failed: "Der Umzug wurde mit einem Fehler angehalten.",
    completed: "Ihre Nummer ist umgezogen.",
    cancelled: "Die Anmeldung wurde nicht abgeschlossen. Sie können erneut beginnen.",
  },
  steps: {
    two_step_verification: {
      title: "Zwei-Schritt-Verifizierung ausschalten",
      description:
        "Die Zwei-Schritt-PIN der Nummer muss ausgeschaltet sein, bevor sie umziehen kann.",
    },
    embedded_signup: {
      title: "Bei Meta anmelden",
      description:
        "Wählen Sie im Meta-Fenster Ihr Unternehmen, legen Sie ein neues WhatsApp-Konto an (nicht Ihr bisheriges) und geben Sie Ihre bestehende Nummer ein.",
    },
    capture_assets: {
      title: "Nummer prüfen",
      description: "Wir lesen die Daten der Nummer und prüfen, ob sie umziehen kann.",
    },
    share_credit_line: {
      title: "Abrechnung einrichten",
      description: "Wir verbinden unsere Abrechnung mit Ihrem neuen WhatsApp-Konto.",
    },
    subscribe_webhooks: {
      title: "Nachrichten verbinden",
      description: "Wir verbinden das neue Konto, damit keine Nachricht verloren geht.",
    },
    migrate_templates: {
      title: "Nachrichtenvorlagen kopieren",
      description:
        "Wir kopieren Ihre genehmigten Vorlagen mit hoher oder noch nicht bewerteter Qualität, damit Sie sie sofort verwenden können.",
    },
    register_phone: {
      title: "Nummer umziehen",
      description: "Wir registrieren die Nummer bei uns. Ab dann sendet sie über uns.",
    },
  },
  twoStep: {
    intro:
      "Bitten Sie Ihren bisherigen WhatsApp-Anbieter, die Zwei-Schritt-Verifizierung der Nummer auszuschalten, oder schalten Sie sie selbst im WhatsApp Manager aus, wenn Sie das Konto verwalten (Meta sendet dazu einen Link an die E-Mail-Adresse Ihres Unternehmensportfolios). Sie können Ihrem Anbieter diese Anfrage senden:",
    requestLabel: "Anfrage an Ihren bisherigen Anbieter",
    requestText:
      "Guten Tag, wir ziehen unsere WhatsApp-Geschäftsnummer zu einem neuen Anbieter um. Bitte schalten Sie im WhatsApp Manager die Zwei-Schritt-Verifizierung (die 6-stellige PIN) für diese Nummer aus und geben Sie uns Bescheid, wenn das erledigt ist. Vielen Dank.",
    copy: "Anfrage kopieren",
    copied: "In die Zwischenablage kopiert.",
    copyFailed: "Kopieren nicht möglich. Markieren Sie den Text und kopieren Sie ihn von Hand.",
    confirm: "Zwei-Schritt-Verifizierung ist aus",
    confirmed: "Bestätigt: Die Zwei-Schritt-Verifizierung ist aus.",
  },
  requirements: {
    title: "Stellen Sie vor dem Start sicher, dass:",
    twoStepOff: "die Zwei-Schritt-Verifizierung der Nummer ausgeschaltet ist",
    displayNameApproved: "Meta den Anzeigenamen der Nummer genehmigt hat",
    businessVerified: "Ihr Unternehmen in der Meta Business Suite verifiziert ist",
    accountApproved: "Ihr bisheriges WhatsApp-Business-Konto genehmigt ist",
    paymentMethod: "Ihr bisheriges Konto eine gültige Zahlungsmethode hat",
    notTestNumber: "die Nummer eine echte Geschäftsnummer ist, keine Testnummer von Meta",
  },
  launch: {
    start: "Weiter mit Meta",
    again: "Erneut mit Meta beginnen",
    loading: "Wird geladen…",
    inPopup: "Meta-Fenster geöffnet…",
    confirmFirst: "Bestätigen Sie zuerst Schritt 1.",
    redirect: "Stattdessen in diesem Fenster fortfahren",
  },
  progress: {
    pending: "Wartet",
    running: "Läuft…",
    succeeded: "Erledigt",
    failed: "Fehlgeschlagen",
    action_required: "Aktion nötig",
    skipped: "Nicht nötig",
  },
  error: {
    title: "Etwas braucht Ihre Aufmerksamkeit",
    retry: "Erneut versuchen",
    startAgain: "Erneut beginnen",
    reference: "Referenz für den Support: {reference}",
    retryAt: "Ein neuer Versuch ist ab {time} möglich.",
    checkedAt: "Erneut geprüft: {time}.",
    metaSaid: "Meta meldet: {detail}",
    stoppedAt: "Sie haben bei diesem Schritt von Meta aufgehört: {screen}.",
  },
  esSteps: {
    BUSINESS_ACCOUNT_SELECTION: "Unternehmensportfolio auswählen",
    WABA_PHONE_PROFILE_PICKER: "WhatsApp-Konto auswählen",
    WHATSAPP_BUSINESS_PROFILE_SETUP: "Unternehmensprofil einrichten",
    PHONE_NUMBER_SETUP: "Telefonnummer eingeben",
    PHONE_NUMBER_VERIFICATION: "Telefonnummer bestätigen",
    PERMISSIONS: "Berechtigungen prüfen",
  },
  templates: {
    title: "Nachrichtenvorlagen",
    empty: "Keine Vorlagen zu kopieren.",
    name: "Vorlage",
    language: "Sprache",
    outcome: "Ergebnis",
    outcomes: {
      copied: "Kopiert",
      rejected_on_recheck: "Bei der erneuten Prüfung durch Meta abgelehnt",
      not_eligible: "Nicht übertragbar",
      over_limit: "Nicht kopiert: Höchstzahl an Vorlagen erreicht",
      refused: "Kopie von Meta abgelehnt",
      failed: "Konnte nicht kopiert werden",
      pending: "Wartet auf das Kopieren",
    },
    rejectionReasons: {
      ABUSIVE_CONTENT: "missbräuchlicher Inhalt",
      CATEGORY_NOT_AVAILABLE: "Kategorie nicht verfügbar",
      INCORRECT_CATEGORY: "falsche Kategorie",
      INVALID_FORMAT: "ungültiges Format",
      PROMOTIONAL: "werblicher Inhalt",
      SCAM: "Verdacht auf Betrug",
      TAG_CONTENT_MISMATCH: "Inhalt passt nicht zur Kategorie",
    },
    notApproved: "von Meta nicht genehmigt ({status})",
    statuses: {
      APPROVED: "genehmigt",
      ARCHIVED: "archiviert",
      DELETED: "gelöscht",
      DISABLED: "deaktiviert",
      FLAGGED: "markiert",
      IN_APPEAL: "im Einspruch",
      LIMIT_EXCEEDED: "Limit überschritten",
      LOCKED: "gesperrt",
      PAUSED: "pausiert",
      PENDING: "in Prüfung",
      PENDING_DELETION: "Löschung ausstehend",
      REINSTATED: "wieder aktiviert",
      REJECTED: "abgelehnt",
    },
    lowQuality: "Qualität {quality}",
    qualityNote:
      "Kopierte Vorlagen zeigen bis zu 24 Stunden die Qualität „unbekannt“, während Meta sie neu bewertet. Sie können sie sofort senden.",
    refusedNote:
      "Einige Vorlagen hat Meta so nicht angenommen: Ändern Sie sie, wie Metas Grund es sagt, und reichen Sie sie im WhatsApp Manager erneut ein.",
    sourceUnreadable:
      "Meta kopiert Ihre genehmigten Vorlagen mit hoher Qualität nach dem Umzug selbst. Sie erscheinen hier, sobald sie ankommen.",
    copyNow: "Vorlagen jetzt kopieren",
    copying: "Vorlagen werden kopiert…",
    copiedNow: "Mit dieser Anfrage kopierte Vorlagen: {n}.",
  },
  summary: {
    title: "Ihre Nummer ist umgezogen",
    intro: "Alles unten wurde übernommen. Sie können jetzt über uns Nachrichten senden.",
    displayName: "Anzeigename",
    phoneNumber: "Telefonnummer",
    qualityRating: "Qualitätsbewertung",
    messagingLimit: "Nachrichtenlimit",
    officialBusiness: "Offizielles Unternehmenskonto",
    yes: "Ja",
    no: "Nein",
    notReported: "Von Meta nicht angegeben",
    kept: "übernommen",
    billingCutover: "Abrechnung über uns ab",
    billingPending: "Dem Umzug der Nummer (genaue Zeit noch nicht bekannt)",
    unknown: "Noch nicht bekannt",
  },
  quality: {
    GREEN: "Hoch",
    YELLOW: "Mittel",
    RED: "Niedrig",
    UNKNOWN: "Unbekannt",
    NA: "Noch nicht bewertet",
  },
  limits: {
    TIER_50: "50 Unterhaltungen pro Tag",
    TIER_250: "250 Unterhaltungen pro Tag",
    TIER_1K: "1.000 Unterhaltungen pro Tag",
    TIER_2K: "2.000 Unterhaltungen pro Tag",
    TIER_10K: "10.000 Unterhaltungen pro Tag",
    TIER_100K: "100.000 Unterhaltungen pro Tag",
    TIER_UNLIMITED: "Unbegrenzt",
    UNTIERED: "Ohne Stufe",
    TIER_NOT_SET: "Noch nicht festgelegt",
  },
  errors: errorsDe,
};
