import type { MigrationErrorCode } from "@wa-migrate/contracts";

// Die Wege weiter, die viele Codes teilen (decision 021): je ein Satz, damit dieselbe Lage überall
// gleich klingt und der Katalog klein bleibt.
const retry = "Klicken Sie auf „Erneut versuchen“.";
const retryOrContact =
  "Klicken Sie auf „Erneut versuchen“; passiert es wieder, kontaktieren Sie uns.";
const waitRetry = "Warten Sie einige Minuten und klicken Sie dann auf „Erneut versuchen“.";
const waitMeta =
  "Warten Sie die Entscheidung von Meta ab und klicken Sie dann auf „Erneut versuchen“.";
const restart = "Beginnen Sie erneut mit Meta.";
const restartOrContact = "Beginnen Sie erneut; passiert es wieder, kontaktieren Sie uns.";
const reload = "Laden Sie die Seite neu und beginnen Sie erneut.";
const ours = "Das liegt bei uns: Bitte kontaktieren Sie uns.";
const withReference = "Bitte kontaktieren Sie uns mit der Referenz unten.";
const twoStepOn =
  "Die Zwei-Schritt-Verifizierung ist für diese Nummer noch aktiv. Bitten Sie Ihren bisherigen Anbieter, sie auszuschalten, oder schalten Sie sie selbst im WhatsApp Manager aus, wenn Sie das Konto verwalten. Klicken Sie dann auf „Erneut versuchen“.";

/**
 * Customer-facing German texts for every error code: was passiert ist, dann was zu tun ist.
 * Typed as a `Record` over the contracts' codes so a new code fails the build until it is explained.
 *
 * @example
 * errorsDe.popup_blocked;
 */
export const errorsDe: Record<MigrationErrorCode, string> = {
  two_step_enabled: twoStepOn,
  test_number:
    "Testnummern von Meta lassen sich nicht umziehen. Beginnen Sie erneut mit Ihrer echten Geschäftsnummer.",
  display_name_not_approved: `Meta hat den Anzeigenamen der Nummer nicht genehmigt. Hat Meta ihn abgelehnt, reichen Sie im WhatsApp Manager einen neuen Anzeigenamen ein. ${waitMeta}`,
  display_name_change_pending: `Meta prüft noch einen neuen Anzeigenamen für diese Nummer. ${waitMeta}`,
  business_not_verified:
    "Ihr Unternehmen ist bei Meta noch nicht verifiziert. Verifizieren Sie es in der Meta Business Suite und klicken Sie dann auf „Erneut versuchen“.",
  source_waba_not_approved: `Meta hat Ihr bisheriges WhatsApp-Business-Konto nicht genehmigt. Hat Meta es abgelehnt, bitten Sie Ihren bisherigen Anbieter, das zu klären. ${waitMeta}`,
  source_waba_no_payment_method:
    "Ihr bisheriges WhatsApp-Business-Konto hat keine gültige Zahlungsmethode. Bitten Sie Ihren bisherigen Anbieter, eine zu hinterlegen, und klicken Sie dann auf „Erneut versuchen“.",
  on_prem_source:
    "Alte Chats und Medien bleiben in Ihrem On-Premises-System; die Nummer selbst zieht um. Sie müssen nichts tun.",
  sdk_load_error:
    "Die Anmeldung bei Meta konnte nicht geladen werden. Prüfen Sie Ihre Verbindung, schalten Sie Werbeblocker für diese Seite aus und versuchen Sie es erneut.",
  popup_blocked:
    "Ihr Browser hat das Meta-Fenster blockiert. Erlauben Sie Pop-ups für diese Seite und klicken Sie erneut auf die Schaltfläche.",
  popup_closed: `Das Meta-Fenster wurde vor dem Ende geschlossen. ${restart}`,
  popup_no_response: `Das Meta-Fenster antwortet seit Minuten nicht. Ist es noch offen, machen Sie dort weiter. ${restart}`,
  signup_cancelled: `Sie haben das Meta-Fenster vor dem Ende verlassen. ${restart}`,
  signup_error:
    "Das Meta-Fenster hat ein Problem gemeldet. Beheben Sie, was Meta unten nennt, und beginnen Sie erneut.",
  signup_incomplete: `Das Meta-Fenster hat nicht alles übermittelt, was wir brauchen. ${restartOrContact}`,
  code_expired: `Ihre Anmeldung bei Meta hat uns zu spät erreicht. ${restart}`,
  code_used: `Diese Anmeldung bei Meta wurde bereits verwendet. ${restart}`,
  asset_not_granted:
    "Im Meta-Fenster wurde kein Zugriff auf Ihr WhatsApp-Konto oder Ihre Nummer erteilt. Beginnen Sie erneut: Legen Sie im Meta-Fenster ein neues WhatsApp-Konto an, geben Sie Ihre bestehende Nummer ein und erlauben Sie den Zugriff auf beide.",
  assets_not_found:
    "Nach der Anmeldung haben wir kein WhatsApp-Konto und keine Nummer gefunden. Beginnen Sie erneut und geben Sie im Meta-Fenster Ihre bestehende Nummer ein.",
  token_invalid: `Ihre Anmeldung bei Meta ist nicht mehr gültig. ${restart}`,
  permission_denied: `Meta hat einen Schritt des Umzugs nicht erlaubt. ${ours}`,
  credit_line_not_found: `Unsere Abrechnung wurde nicht gefunden. ${ours}`,
  credit_share_failed: `Die Einrichtung der Abrechnung hat nicht geklappt. ${retryOrContact}`,
  waba_funded_elsewhere:
    "Das gewählte WhatsApp-Konto wird bereits über jemand anderen abgerechnet, und Meta lässt das nicht ändern. Beginnen Sie erneut und legen Sie im Meta-Fenster ein neues WhatsApp-Konto an.",
  credit_share_unverified: `Meta hat die Abrechnung noch nicht bestätigt. ${waitRetry}`,
  webhook_subscription_failed: `Die Verbindung Ihrer Nachrichten zu uns hat nicht geklappt. ${retryOrContact}`,
  templates_source_unreadable:
    "Die Vorlagen im alten Konto sind nicht lesbar, daher kopiert Meta die genehmigten mit hoher Qualität nach dem Umzug selbst. Sie müssen nichts tun.",
  template_limit_reached:
    "Einige Vorlagen wurden nicht kopiert: Das neue Konto hat seine Höchstzahl erreicht. Löschen Sie ungenutzte Vorlagen des neuen Kontos im WhatsApp Manager und klicken Sie dann auf „Vorlagen jetzt kopieren“.",
  template_migration_failed:
    "Eine oder mehrere Vorlagen konnten nicht kopiert werden; Ihre Nummer funktioniert weiter. Klicken Sie auf „Vorlagen jetzt kopieren“.",
  pin_mismatch: twoStepOn,
  ownership_unconfirmed:
    "Meta hat noch nicht bestätigt, dass diese Nummer Ihnen gehört. Beginnen Sie erneut und geben Sie den Code ein, den Meta an die Nummer sendet.",
  register_rate_limited:
    "Für diese Nummer gab es zu viele Registrierungsversuche. Warten Sie bis zur unten genannten Zeit und klicken Sie dann auf „Erneut versuchen“.",
  destination_not_subscribed: `Meta hat den Umzug noch nicht angenommen: Ihre Nachrichten waren nicht verbunden. ${retryOrContact}`,
  number_already_moved:
    "Diese Nummer ist bereits in einem früheren Umzug zu uns gekommen und sendet über uns. Um sie in ein anderes WhatsApp-Konto umzuziehen, schalten Sie die Zwei-Schritt-Verifizierung im WhatsApp Manager aus und klicken Sie dann auf „Erneut versuchen“.",
  migration_superseded:
    "Diese Nummer wird inzwischen aus einem anderen Fenster oder Tab umgezogen, und Meta folgt der neuesten Anmeldung. Machen Sie dort weiter; dieses können Sie schließen.",
  migration_refused: `Meta hat den Umzug dieser Nummer abgelehnt. ${withReference}`,
  registration_unconfirmed: `Meta hat die Registrierung noch nicht bestätigt. ${waitRetry}`,
  graph_rate_limited: `Meta ist gerade ausgelastet. ${waitRetry}`,
  graph_unavailable: `Meta hat nicht rechtzeitig geantwortet. ${retry} Der Umzug geht dann dort weiter, wo er stehen geblieben ist.`,
  graph_error: `Meta hat einen unerwarteten Fehler gemeldet. ${withReference}`,
  graph_response_invalid: `Meta hat eine Antwort geschickt, die wir nicht verstehen. ${retryOrContact}`,
  validation_failed: `Etwas in der Anfrage war ungültig. ${restartOrContact}`,
  unauthorized:
    "Ihre Sitzung bei uns ist abgelaufen. Melden Sie sich erneut im Portal an und kehren Sie dann hierher zurück.",
  forbidden:
    "Ihr Konto bei uns darf diese Nummer nicht umziehen. Bitten Sie die Verwaltung Ihres Kontos um Zugriff und laden Sie die Seite dann neu.",
  not_found: "Wir haben diesen Umzug nicht gefunden. Beginnen Sie noch einmal von vorn.",
  migration_running:
    "Der Umzug läuft noch. Warten Sie, bis er anhält, und versuchen Sie es dann erneut.",
  idempotency_conflict: `Diese Anfrage wurde bereits in anderer Form gesendet. ${reload}`,
  payload_too_large: `Die Anfrage war zu groß. ${reload}`,
  unsupported_media_type: `Unser Server konnte die Anfrage nicht lesen. ${reload}`,
  rate_limited: `In kurzer Zeit wurden zu viele Umzüge gestartet. ${waitRetry}`,
  invalid_signature: `Eine Nachricht von Meta konnte nicht geprüft werden. ${ours}`,
  bff_unreachable:
    "Unser Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  store_unavailable: `Unser Server kann den Umzug gerade nicht speichern. ${waitRetry}`,
  schema_too_new: `Unser Server braucht ein Update, bevor der Umzug weitergehen kann. ${ours}`,
  unknown_key_id: `Unser Server kann gespeicherte Daten dieses Umzugs nicht lesen. ${ours}`,
  config_invalid: `Unser Server ist nicht vollständig eingerichtet. ${ours}`,
  internal_error: `Auf unserem Server ist etwas schiefgegangen. ${retryOrContact}`,
};
