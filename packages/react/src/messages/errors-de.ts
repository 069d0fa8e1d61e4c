import type { MigrationErrorCode } from "@wa-migrate/contracts";

/**
 * Customer-facing German texts for every error code: was passiert ist, dann was zu tun ist.
 * Typed as a `Record` over the contracts' codes so a new code fails the build until it is explained.
 *
 * @example
 * errorsDe.popup_blocked;
 */
export const errorsDe: Record<MigrationErrorCode, string> = {
  two_step_enabled:
    "Die Zwei-Schritt-Verifizierung ist für diese Nummer noch aktiv. Bitten Sie Ihren bisherigen Anbieter, sie auszuschalten, und klicken Sie dann auf „Erneut versuchen“.",
  test_number:
    "Dies ist eine Testnummer von Meta, und Testnummern lassen sich nicht umziehen. Beginnen Sie erneut mit Ihrer echten Geschäftsnummer.",
  display_name_not_approved:
    "Meta hat den Anzeigenamen der Nummer noch nicht genehmigt. Warten Sie die Genehmigung im WhatsApp Manager ab und klicken Sie dann auf „Erneut versuchen“.",
  display_name_change_pending:
    "Meta prüft noch einen neuen Anzeigenamen für diese Nummer. Warten Sie die Entscheidung ab und klicken Sie dann auf „Erneut versuchen“.",
  business_not_verified:
    "Ihr Unternehmen ist bei Meta noch nicht verifiziert. Schließen Sie die Unternehmensverifizierung in der Meta Business Suite ab und klicken Sie dann auf „Erneut versuchen“.",
  source_waba_not_approved:
    "Meta hat Ihr bisheriges WhatsApp-Business-Konto noch nicht genehmigt. Warten Sie die Genehmigung ab und klicken Sie dann auf „Erneut versuchen“.",
  source_waba_no_payment_method:
    "Ihr bisheriges WhatsApp-Business-Konto hat keine gültige Zahlungsmethode. Bitten Sie Ihren bisherigen Anbieter, eine zu hinterlegen, und klicken Sie dann auf „Erneut versuchen“.",
  on_prem_source:
    "Ihre Nummer kommt aus dem älteren On-Premises-System, daher bleiben alte Chats und Medien dort. Sie müssen nichts tun: Die Nummer selbst zieht um.",
  sdk_load_error:
    "Die Anmeldung bei Meta konnte nicht geladen werden. Prüfen Sie Ihre Verbindung, schalten Sie Werbe- oder Skriptblocker für diese Seite aus und versuchen Sie es erneut.",
  popup_blocked:
    "Ihr Browser hat das Meta-Fenster blockiert. Erlauben Sie Pop-ups für diese Seite und klicken Sie erneut auf die Schaltfläche.",
  popup_closed:
    "Das Meta-Fenster wurde geschlossen, bevor es fertig war. Beginnen Sie erneut und gehen Sie alle Schritte im Fenster durch.",
  signup_cancelled:
    "Sie haben das Meta-Fenster vor dem Ende verlassen. Beginnen Sie erneut, wenn Sie bereit sind; Sie können dort weitermachen, wo Sie aufgehört haben.",
  signup_error:
    "Das Meta-Fenster hat ein Problem gemeldet. Lesen Sie die Meldung von Meta unten, beheben Sie das Genannte und beginnen Sie erneut.",
  signup_incomplete:
    "Das Meta-Fenster hat nicht alles übermittelt, was wir brauchen. Beginnen Sie erneut; wenn das wieder passiert, kontaktieren Sie uns.",
  code_expired:
    "Ihre Anmeldung bei Meta hat uns zu spät erreicht. Beginnen Sie erneut; es dauert nur einen Moment.",
  code_used:
    "Diese Anmeldung bei Meta wurde bereits verwendet. Beginnen Sie erneut, um sich noch einmal anzumelden.",
  asset_not_granted:
    "Im Meta-Fenster wurde kein Zugriff auf Ihr WhatsApp-Konto oder Ihre Nummer erteilt. Beginnen Sie erneut und wählen Sie das Konto und die Nummer aus, die umziehen sollen.",
  assets_not_found:
    "Nach der Anmeldung haben wir Ihr WhatsApp-Konto oder Ihre Nummer nicht gefunden. Beginnen Sie erneut und geben Sie im Meta-Fenster Ihre bestehende Geschäftsnummer ein.",
  token_invalid:
    "Ihre Anmeldung bei Meta ist nicht mehr gültig. Beginnen Sie erneut, um sich noch einmal anzumelden.",
  permission_denied:
    "Meta hat einen Schritt des Umzugs nicht erlaubt. Bitte kontaktieren Sie uns, wir beheben das.",
  credit_line_not_found:
    "Unsere Abrechnung wurde nicht gefunden. Das liegt bei uns: Bitte kontaktieren Sie uns, wir beheben das.",
  credit_share_failed:
    "Die Einrichtung der Abrechnung hat diesmal nicht geklappt. Klicken Sie auf „Erneut versuchen“; wenn das wieder passiert, kontaktieren Sie uns.",
  credit_share_unverified:
    "Die Abrechnung ist eingerichtet, aber Meta hat sie noch nicht bestätigt. Warten Sie einige Minuten und klicken Sie dann auf „Erneut versuchen“.",
  webhook_subscription_failed:
    "Die Verbindung Ihrer Nachrichten zu uns hat nicht geklappt. Klicken Sie auf „Erneut versuchen“; wenn das wieder passiert, kontaktieren Sie uns.",
  templates_source_unreadable:
    "Wir können Ihre Vorlagen im alten Konto nicht lesen, daher kopiert Meta sie nach dem Umzug selbst. Sie müssen nichts tun: Verfolgen Sie die Liste unten.",
  template_limit_reached:
    "Ihr neues Konto hat die Höchstzahl an Vorlagen erreicht, daher wurden einige nicht kopiert. Löschen Sie nicht mehr benötigte Vorlagen oder verifizieren Sie Ihr Unternehmen, um die Grenze zu erhöhen.",
  template_migration_failed:
    "Das Kopieren Ihrer Vorlagen hat nicht geklappt. Klicken Sie auf „Erneut versuchen“; Ihre Nummer funktioniert währenddessen weiter.",
  pin_mismatch:
    "Die Zwei-Schritt-Verifizierung ist für diese Nummer noch aktiv. Bitten Sie Ihren bisherigen Anbieter, sie auszuschalten, und klicken Sie dann auf „Erneut versuchen“.",
  register_rate_limited:
    "Diese Nummer wurde in kurzer Zeit zu oft registriert. Meta erlaubt den nächsten Versuch 72 Stunden nach dem ersten; bitte versuchen Sie es dann erneut.",
  destination_not_subscribed:
    "Meta hat den Umzug noch nicht angenommen, weil Ihre Nachrichten nicht verbunden waren. Klicken Sie auf „Erneut versuchen“; wenn das wieder passiert, kontaktieren Sie uns.",
  migration_refused:
    "Meta hat den Umzug dieser Nummer abgelehnt. Bitte kontaktieren Sie uns mit der Referenz unten, wir klären das mit Meta.",
  registration_unconfirmed:
    "Ihre Nummer ist registriert, aber Meta hat das noch nicht bestätigt. Warten Sie eine Minute und klicken Sie dann auf „Erneut versuchen“.",
  graph_rate_limited:
    "Meta ist gerade ausgelastet. Warten Sie einige Minuten und klicken Sie dann auf „Erneut versuchen“.",
  graph_unavailable:
    "Meta hat nicht rechtzeitig geantwortet. Klicken Sie auf „Erneut versuchen“; der Umzug geht dort weiter, wo er stehen geblieben ist.",
  graph_error:
    "Meta hat einen unerwarteten Fehler gemeldet. Bitte kontaktieren Sie uns mit der Referenz unten.",
  graph_response_invalid:
    "Meta hat eine Antwort geschickt, die wir nicht verstehen. Klicken Sie auf „Erneut versuchen“; wenn das wieder passiert, kontaktieren Sie uns mit der Referenz unten.",
  validation_failed:
    "Etwas in der Anfrage war ungültig. Beginnen Sie erneut; wenn das wieder passiert, kontaktieren Sie uns.",
  unauthorized:
    "Ihre Sitzung bei uns ist abgelaufen. Melden Sie sich erneut im Portal an und kehren Sie dann zu dieser Seite zurück.",
  not_found: "Wir haben diesen Umzug nicht gefunden. Beginnen Sie noch einmal von vorn.",
  migration_running:
    "Der Umzug läuft noch. Warten Sie, bis er anhält, und versuchen Sie es dann erneut.",
  idempotency_conflict:
    "Diese Anfrage wurde bereits in anderer Form gesendet. Laden Sie die Seite neu und beginnen Sie erneut.",
  payload_too_large: "Die Anfrage war zu groß. Laden Sie die Seite neu und beginnen Sie erneut.",
  unsupported_media_type:
    "Unser Server konnte die Anfrage nicht lesen. Laden Sie die Seite neu und beginnen Sie erneut.",
  rate_limited:
    "In kurzer Zeit wurden zu viele Umzüge gestartet. Warten Sie eine Minute und versuchen Sie es dann erneut.",
  invalid_signature:
    "Eine Nachricht von Meta konnte nicht geprüft werden. Das liegt bei uns: Bitte kontaktieren Sie uns.",
  bff_unreachable:
    "Unser Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  store_unavailable:
    "Unser Server kann den Umzug gerade nicht speichern. Warten Sie einen Moment und versuchen Sie es dann erneut.",
  schema_too_new:
    "Unser Server braucht ein Update, bevor der Umzug weitergehen kann. Bitte kontaktieren Sie uns.",
  unknown_key_id:
    "Unser Server kann gespeicherte Daten dieses Umzugs nicht lesen. Das liegt bei uns: Bitte kontaktieren Sie uns.",
  config_invalid:
    "Unser Server ist nicht vollständig eingerichtet. Das liegt bei uns: Bitte kontaktieren Sie uns.",
  internal_error:
    "Auf unserem Server ist etwas schiefgegangen. Versuchen Sie es erneut; wenn das wieder passiert, kontaktieren Sie uns.",
};
