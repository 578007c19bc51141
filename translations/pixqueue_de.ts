<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>OffloadKeychain</name>
        <message>
            <source>%1: %2 (keychain error %3)</source>
            <translation>%1: %2 (Schlüsselbundfehler %3)</translation>
        </message>
        <message>
            <source>no %1 credentials are saved in the keychain</source>
            <translation>im Schlüsselbund sind keine Zugangsdaten für %1 gespeichert</translation>
        </message>
        <message>
            <source>cannot read the %1 credentials from the keychain</source>
            <translation>die Zugangsdaten für %1 können nicht aus dem Schlüsselbund gelesen werden</translation>
        </message>
        <message>
            <source>cannot save the %1 credentials in the keychain</source>
            <translation>die Zugangsdaten für %1 können nicht im Schlüsselbund gespeichert werden</translation>
        </message>
        <message>
            <source>cannot delete the %1 credentials from the keychain</source>
            <translation>die Zugangsdaten für %1 können nicht aus dem Schlüsselbund gelöscht werden</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Batch image processing that never loses work.</source>
            <translation>Stapelverarbeitung von Bildern, die keine Arbeit verliert.</translation>
        </message>
        <message>
            <source>Job database file.</source>
            <translation>Datei der Auftragsdatenbank.</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::MainWindow</name>
        <message>
            <source>The job database could not be opened: %1</source>
            <translation>Die Auftragsdatenbank konnte nicht geöffnet werden: %1</translation>
        </message>
        <message>
            <source>Add &amp;Files…</source>
            <translation>&amp;Dateien hinzufügen…</translation>
        </message>
        <message>
            <source>Add image files to the queue (Ctrl+O)</source>
            <translation>Bilddateien zur Warteschlange hinzufügen (Strg+O)</translation>
        </message>
        <message>
            <source>Add F&amp;older…</source>
            <translation>&amp;Ordner hinzufügen…</translation>
        </message>
        <message>
            <source>Add every image in a folder and its sub-folders (Ctrl+Shift+O)</source>
            <translation>Alle Bilder eines Ordners und seiner Unterordner hinzufügen (Strg+Umschalt+O)</translation>
        </message>
        <message>
            <source>&amp;Paste Paths</source>
            <translation>Pfade &amp;einfügen</translation>
        </message>
        <message>
            <source>Add the files and folders whose paths are on the clipboard</source>
            <translation>Die Dateien und Ordner hinzufügen, deren Pfade in der Zwischenablage stehen</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>&amp;Starten</translation>
        </message>
        <message>
            <source>Start working on the queue (Ctrl+Return)</source>
            <translation>Mit der Abarbeitung der Warteschlange beginnen (Strg+Eingabe)</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Anhalten</translation>
        </message>
        <message>
            <source>Pause or resume: running jobs finish, no new ones start (Space)</source>
            <translation>Anhalten oder fortsetzen: laufende Aufträge werden beendet, keine neuen gestartet (Leertaste)</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>Put the selected failed or cancelled jobs back in the queue</source>
            <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Aufträge wieder einreihen</translation>
        </message>
        <message>
            <source>Retry All &amp;Failed</source>
            <translation>Alle &amp;fehlgeschlagenen wiederholen</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>A&amp;bbrechen</translation>
        </message>
        <message>
            <source>Cancel the selected jobs</source>
            <translation>Die ausgewählten Aufträge abbrechen</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Remove the selected jobs from the queue (Delete); running jobs must be cancelled first. Output files are kept.</source>
            <translation>Die ausgewählten Aufträge aus der Warteschlange entfernen (Entf); laufende Aufträge müssen zuerst abgebrochen werden. Ausgabedateien bleiben erhalten.</translation>
        </message>
        <message>
            <source>C&amp;lear Finished</source>
            <translation>&amp;Beendete entfernen</translation>
        </message>
        <message>
            <source>Remove every done, failed and cancelled job from the queue. Output files are kept.</source>
            <translation>Alle fertigen, fehlgeschlagenen und abgebrochenen Aufträge aus der Warteschlange entfernen. Ausgabedateien bleiben erhalten.</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>Remove Jobs</source>
            <translation>Aufträge entfernen</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n job(s) that have not run yet?</source>
            <translation>
                <numerusform>%n Auftrag entfernen, der noch nicht gelaufen ist?</numerusform>
                <numerusform>%n Aufträge entfernen, die noch nicht gelaufen sind?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %n job(s).</source>
            <translation>
                <numerusform>%n Auftrag entfernt.</numerusform>
                <numerusform>%n Aufträge entfernt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n running job(s) kept: cancel them first.</source>
            <translation>
                <numerusform>%n laufender Auftrag behalten: zuerst abbrechen.</numerusform>
                <numerusform>%n laufende Aufträge behalten: zuerst abbrechen.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Open Output</source>
            <translation>Ergebnis ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Show in &amp;Folder</source>
            <translation>Im &amp;Ordner zeigen</translation>
        </message>
        <message>
            <source>Copy &amp;Error</source>
            <translation>&amp;Fehler kopieren</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>PixQueue &amp;Help</source>
            <translation>PixQueue-&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Queue</source>
            <translation>&amp;Warteschlange</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Hauptleiste</translation>
        </message>
        <message>
            <source>Workers:</source>
            <translation>Arbeiter:</translation>
        </message>
        <message>
            <source>Number of workers</source>
            <translation>Anzahl der Arbeiter</translation>
        </message>
        <message>
            <source>How many images are processed at the same time; can change while the queue runs</source>
            <translation>Wie viele Bilder gleichzeitig verarbeitet werden; auch während der Abarbeitung änderbar</translation>
        </message>
        <message>
            <source>Recipe editor</source>
            <translation>Rezept-Editor</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Anzeigen:</translation>
        </message>
        <message>
            <source>Show jobs</source>
            <translation>Angezeigte Aufträge</translation>
        </message>
        <message>
            <source>All jobs</source>
            <translation>Alle Aufträge</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Job queue</source>
            <translation>Auftragswarteschlange</translation>
        </message>
        <message>
            <source>Details of the selected job</source>
            <translation>Details des ausgewählten Auftrags</translation>
        </message>
        <message>
            <source>Select a job to see its details.</source>
            <translation>Einen Auftrag auswählen, um seine Details zu sehen.</translation>
        </message>
        <message>
            <source>Result of the last added files</source>
            <translation>Ergebnis der zuletzt hinzugefügten Dateien</translation>
        </message>
        <message>
            <source>Jobs per state</source>
            <translation>Aufträge je Zustand</translation>
        </message>
        <message>
            <source>Speed and time left</source>
            <translation>Geschwindigkeit und Restzeit</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Gesamtfortschritt</translation>
        </message>
        <message>
            <source>PixQueue Help</source>
            <translation>PixQueue-Hilfe</translation>
        </message>
        <message>
            <source>&lt;p&gt;Drop image files or folders anywhere on the window, or use Add Files (Ctrl+O) and Add Folder (Ctrl+Shift+O). Each image becomes one job per checked recipe or preset.&lt;/p&gt;&lt;p&gt;Start the queue with Ctrl+Return; Space pauses and resumes. Failed jobs show their reason; right-click them to retry.&lt;/p&gt;&lt;p&gt;The queue is saved: closing the window never loses work.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Bilddateien oder Ordner irgendwo auf das Fenster ziehen oder „Dateien hinzufügen“ (Strg+O) und „Ordner hinzufügen“ (Strg+Umschalt+O) verwenden. Jedes Bild wird zu einem Auftrag je angehaktem Rezept oder Preset.&lt;/p&gt;&lt;p&gt;Die Warteschlange mit Strg+Eingabe starten; die Leertaste hält an und setzt fort. Fehlgeschlagene Aufträge zeigen ihren Grund; mit einem Rechtsklick lassen sie sich wiederholen.&lt;/p&gt;&lt;p&gt;Die Warteschlange wird gespeichert: Schließen des Fensters verliert nie Arbeit.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Add Files</source>
            <translation>Dateien hinzufügen</translation>
        </message>
        <message>
            <source>Add Folder</source>
            <translation>Ordner hinzufügen</translation>
        </message>
        <message>
            <source>Choose an output folder first.</source>
            <translation>Bitte zuerst einen Ausgabeordner wählen.</translation>
        </message>
        <message numerus="yes">
            <source>Adding %n item(s)…</source>
            <translation>
                <numerusform>%n Eintrag wird hinzugefügt…</numerusform>
                <numerusform>%n Einträge werden hinzugefügt…</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Could not add the files: %1</source>
            <translation>Die Dateien konnten nicht hinzugefügt werden: %1</translation>
        </message>
        <message numerus="yes">
            <source>Added %n job(s).</source>
            <translation>
                <numerusform>%n Auftrag hinzugefügt.</numerusform>
                <numerusform>%n Aufträge hinzugefügt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n output(s) already existed and were skipped.</source>
            <translation>
                <numerusform>%n Ergebnis existierte bereits und wurde übersprungen.</numerusform>
                <numerusform>%n Ergebnisse existierten bereits und wurden übersprungen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n file(s): %1</source>
            <translation>
                <numerusform>%n Datei übersprungen: %1</numerusform>
                <numerusform>%n Dateien übersprungen: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Fortsetzen</translation>
        </message>
        <message>
            <source>Input: %1</source>
            <translation>Eingabe: %1</translation>
        </message>
        <message>
            <source>Output: %1</source>
            <translation>Ausgabe: %1</translation>
        </message>
        <message>
            <source>State: %1, attempt %2 of %3</source>
            <translation>Zustand: %1, Versuch %2 von %3</translation>
        </message>
        <message>
            <source>Error: %1</source>
            <translation>Fehler: %1</translation>
        </message>
        <message>
            <source>Queued %1 · Running %2 · Done %3 · Failed %4 · Cancelled %5</source>
            <translation>Wartend %1 · Laufend %2 · Fertig %3 · Fehlgeschlagen %4 · Abgebrochen %5</translation>
        </message>
        <message>
            <source>%1 of %2 finished, %3 failed</source>
            <translation>%1 von %2 beendet, %3 fehlgeschlagen</translation>
        </message>
        <message>
            <source>%1 of %2 finished</source>
            <translation>%1 von %2 beendet</translation>
        </message>
        <message>
            <source>%1 images/s, %2 left</source>
            <translation>%1 Bilder/s, noch %2</translation>
        </message>
        <message>
            <source>%1 images/s</source>
            <translation>%1 Bilder/s</translation>
        </message>
        <message>
            <source>Batch finished: %1 done, %2 failed.</source>
            <translation>Stapel beendet: %1 fertig, %2 fehlgeschlagen.</translation>
        </message>
        <message>
            <source>Images (%1)</source>
            <translation>Bilder (%1)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Off&amp;load</source>
            <translation>Aus&amp;lagern</translation>
        </message>
        <message>
            <source>Send the next files added to remote workers instead of processing them here (set up in Settings → Offload)</source>
            <translation>Die nächsten hinzugefügten Dateien an entfernte Arbeiter senden, statt sie hier zu verarbeiten (einzurichten unter Einstellungen → Auslagern)</translation>
        </message>
        <message>
            <source>Offload status</source>
            <translation>Status der Auslagerung</translation>
        </message>
        <message numerus="yes">
            <source>Added %n job(s) for remote workers.</source>
            <translation>
                <numerusform>%n Auftrag für entfernte Arbeiter hinzugefügt.</numerusform>
                <numerusform>%n Aufträge für entfernte Arbeiter hinzugefügt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Processed by remote workers (offload)</source>
            <translation>Von entfernten Arbeitern verarbeitet (ausgelagert)</translation>
        </message>
        <message>
            <source>Offloaded %1</source>
            <translation>Ausgelagert %1</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::OffloadController</name>
        <message>
            <source>Offload is not set up: %1. Open Settings → Offload.</source>
            <translation>Die Auslagerung ist nicht eingerichtet: %1. Bitte Einstellungen → Auslagern öffnen.</translation>
        </message>
        <message>
            <source>Stopping the offload…</source>
            <translation>Auslagerung wird beendet…</translation>
        </message>
        <message>
            <source>Offload: connecting…</source>
            <translation>Auslagerung: Verbindung wird hergestellt…</translation>
        </message>
        <message>
            <source>request queue</source>
            <translation>Anfrage-Warteschlange</translation>
        </message>
        <message>
            <source>response queue</source>
            <translation>Antwort-Warteschlange</translation>
        </message>
        <message>
            <source>dead-letter queue</source>
            <translation>Dead-Letter-Warteschlange</translation>
        </message>
        <message>
            <source>%1 %2: %3</source>
            <translation>%1 %2: %3</translation>
        </message>
        <message>
            <source>Offload cannot connect: %1 (trying again in %2 s)</source>
            <translation>Auslagerung kann keine Verbindung herstellen: %1 (neuer Versuch in %2 s)</translation>
        </message>
        <message>
            <source>Offload connection problem: %1 (trying again in %2 s)</source>
            <translation>Verbindungsproblem bei der Auslagerung: %1 (neuer Versuch in %2 s)</translation>
        </message>
        <message>
            <source>Offload: %1 sent, %2 answered</source>
            <translation>Auslagerung: %1 gesendet, %2 beantwortet</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::ParamForm</name>
        <message>
            <source>%1 slider</source>
            <translation>Schieberegler für %1</translation>
        </message>
        <message>
            <source>Operation parameters</source>
            <translation>Parameter der Operation</translation>
        </message>
        <message>
            <source>Select an operation to edit its parameters.</source>
            <translation>Eine Operation auswählen, um ihre Parameter zu bearbeiten.</translation>
        </message>
        <message>
            <source>WxH+X+Y, separated by spaces</source>
            <translation>BxH+X+Y, durch Leerzeichen getrennt</translation>
        </message>
        <message>
            <source>Pick…</source>
            <translation>Wählen…</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Pick a colour for %1</source>
            <translation>Eine Farbe für %1 wählen</translation>
        </message>
        <message>
            <source>Choose a file for %1</source>
            <translation>Eine Datei für %1 wählen</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Nebeneinander</translation>
        </message>
        <message>
            <source>Show before and after next to each other instead of split by a divider</source>
            <translation>Vorher und Nachher nebeneinander zeigen statt durch einen Teiler getrennt</translation>
        </message>
        <message>
            <source>Clear regions</source>
            <translation>Bereiche löschen</translation>
        </message>
        <message>
            <source>Remove the rectangles drawn for the selected step</source>
            <translation>Die für den ausgewählten Schritt gezeichneten Rechtecke entfernen</translation>
        </message>
        <message>
            <source>Before and after preview</source>
            <translation>Vorher-Nachher-Vorschau</translation>
        </message>
        <message>
            <source>Drag the divider or use the arrow keys to compare before and after.</source>
            <translation>Ziehen Sie den Teiler oder benutzen Sie die Pfeiltasten, um Vorher und Nachher zu vergleichen.</translation>
        </message>
        <message>
            <source>Preview status</source>
            <translation>Status der Vorschau</translation>
        </message>
        <message>
            <source>Select a job or add images to see a preview.</source>
            <translation>Wählen Sie einen Auftrag aus oder fügen Sie Bilder hinzu, um eine Vorschau zu sehen.</translation>
        </message>
        <message>
            <source>Rendering the preview…</source>
            <translation>Vorschau wird berechnet…</translation>
        </message>
        <message>
            <source>Showing the selected step only: drag on the image to mark each eye.</source>
            <translation>Nur der ausgewählte Schritt wird gezeigt: ziehen Sie auf dem Bild ein Rechteck um jedes Auge.</translation>
        </message>
        <message>
            <source>Showing the selected step only: drag on the image to mark each mouth.</source>
            <translation>Nur der ausgewählte Schritt wird gezeigt: ziehen Sie auf dem Bild ein Rechteck um jeden Mund.</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::PreviewWidget</name>
        <message>
            <source>Before</source>
            <translation>Vorher</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Nachher</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::QueueModel</name>
        <message>
            <source>Queued</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <source>Offloaded</source>
            <translation>Ausgelagert</translation>
        </message>
        <message>
            <source>%1 (%2 error)</source>
            <translation>%1 (Fehlerart: %2)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Ausgabe</translation>
        </message>
        <message>
            <source>Offloaded: sent to remote workers, waiting for their answer</source>
            <translation>Ausgelagert: an entfernte Arbeiter gesendet, wartet auf deren Antwort</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::RecipeEditor</name>
        <message>
            <source>Size and geometry</source>
            <translation>Größe und Geometrie</translation>
        </message>
        <message>
            <source>Tone and colour</source>
            <translation>Tonwert und Farbe</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Retouch</source>
            <translation>Retusche</translation>
        </message>
        <message>
            <source>Watermark</source>
            <translation>Wasserzeichen</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Sonstiges</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Nach unten</translation>
        </message>
        <message>
            <source>Recipe editor</source>
            <translation>Rezept-Editor</translation>
        </message>
        <message>
            <source>Recipe steps</source>
            <translation>Rezeptschritte</translation>
        </message>
        <message>
            <source>Steps run from top to bottom; untick a step to skip it.</source>
            <translation>Die Schritte laufen von oben nach unten; einen Haken entfernen, um den Schritt auszulassen.</translation>
        </message>
        <message>
            <source>Add operation</source>
            <translation>Operation hinzufügen</translation>
        </message>
        <message>
            <source>Remove the selected step</source>
            <translation>Den ausgewählten Schritt entfernen</translation>
        </message>
        <message>
            <source>Move the selected step up</source>
            <translation>Den ausgewählten Schritt nach oben schieben</translation>
        </message>
        <message>
            <source>Move the selected step down</source>
            <translation>Den ausgewählten Schritt nach unten schieben</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>Outputs (one file per checked entry)</source>
            <translation>Ergebnisse (eine Datei je angehaktem Eintrag)</translation>
        </message>
        <message>
            <source>Recipes and presets to produce</source>
            <translation>Zu erzeugende Rezepte und Presets</translation>
        </message>
        <message>
            <source>Edit preset</source>
            <translation>Preset bearbeiten</translation>
        </message>
        <message>
            <source>Load the selected preset into the recipe</source>
            <translation>Das ausgewählte Preset ins Rezept laden</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>Als Preset speichern…</translation>
        </message>
        <message>
            <source>Save the current recipe as a preset</source>
            <translation>Das aktuelle Rezept als Preset speichern</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>Ausgabeordner</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Choose the output folder</source>
            <translation>Den Ausgabeordner wählen</translation>
        </message>
        <message>
            <source>Output folder:</source>
            <translation>Ausgabeordner:</translation>
        </message>
        <message>
            <source>Naming template</source>
            <translation>Namensvorlage</translation>
        </message>
        <message>
            <source>Placeholders: {name} input name, {preset} preset name, {index} position in the batch, {parent} input folder name</source>
            <translation>Platzhalter: {name} Name der Eingabe, {preset} Name des Presets, {index} Position im Stapel, {parent} Ordnername der Eingabe</translation>
        </message>
        <message>
            <source>Naming template:</source>
            <translation>Namensvorlage:</translation>
        </message>
        <message>
            <source>Example output name</source>
            <translation>Beispiel für den Ausgabenamen</translation>
        </message>
        <message>
            <source>When the output exists</source>
            <translation>Wenn das Ergebnis existiert</translation>
        </message>
        <message>
            <source>Keep both (new name)</source>
            <translation>Beide behalten (neuer Name)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Ersetzen</translation>
        </message>
        <message>
            <source>When the output exists:</source>
            <translation>Wenn das Ergebnis existiert:</translation>
        </message>
        <message>
            <source>Search operations…</source>
            <translation>Operationen suchen…</translation>
        </message>
        <message>
            <source>Search operations</source>
            <translation>Operationen suchen</translation>
        </message>
        <message>
            <source>Output format</source>
            <translation>Ausgabeformat</translation>
        </message>
        <message>
            <source>Unknown operation '%1'.</source>
            <translation>Unbekannte Operation „%1“.</translation>
        </message>
        <message>
            <source>Current recipe</source>
            <translation>Aktuelles Rezept</translation>
        </message>
        <message>
            <source>Preset '%1': tick to produce it too, double-click to edit a copy</source>
            <translation>Preset „%1“: anhaken, um es ebenfalls zu erzeugen; Doppelklick bearbeitet eine Kopie</translation>
        </message>
        <message>
            <source>The current recipe is not valid: %1</source>
            <translation>Das aktuelle Rezept ist ungültig: %1</translation>
        </message>
        <message>
            <source>Tick the current recipe or at least one preset.</source>
            <translation>Das aktuelle Rezept oder mindestens ein Preset anhaken.</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <source>Save as preset</source>
            <translation>Als Preset speichern</translation>
        </message>
        <message>
            <source>Preset name:</source>
            <translation>Name des Presets:</translation>
        </message>
        <message>
            <source>Use letters, digits, spaces, '.', '-' and '_' only.</source>
            <translation>Nur Buchstaben, Ziffern, Leerzeichen, „.“, „-“ und „_“ verwenden.</translation>
        </message>
        <message>
            <source>Could not save the preset: %1</source>
            <translation>Das Preset konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>Invalid template: %1</source>
            <translation>Ungültige Vorlage: %1</translation>
        </message>
        <message>
            <source>Example: %1</source>
            <translation>Beispiel: %1</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::SettingsDialog</name>
        <message>
            <source> MP</source>
            <translation> MP</translation>
        </message>
        <message>
            <source>Largest input image</source>
            <translation>Größtes Eingabebild</translation>
        </message>
        <message>
            <source>Largest input image:</source>
            <translation>Größtes Eingabebild:</translation>
        </message>
        <message>
            <source>Inputs with more pixels fail instead of being decoded.</source>
            <translation>Eingaben mit mehr Pixeln schlagen fehl, statt dekodiert zu werden.</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Largest input file</source>
            <translation>Größte Eingabedatei</translation>
        </message>
        <message>
            <source>Largest input file:</source>
            <translation>Größte Eingabedatei:</translation>
        </message>
        <message>
            <source>Larger input files fail instead of being read.</source>
            <translation>Größere Eingabedateien schlagen fehl, statt gelesen zu werden.</translation>
        </message>
        <message>
            <source>Resume the queue when PixQueue starts</source>
            <translation>Die Warteschlange beim Start von PixQueue fortsetzen</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>One per core (%1)</source>
            <translation>Einer je Kern (%1)</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>Arbeiter</translation>
        </message>
        <message>
            <source>Workers:</source>
            <translation>Arbeiter:</translation>
        </message>
        <message>
            <source>Default output folder</source>
            <translation>Standard-Ausgabeordner</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Choose the default output folder</source>
            <translation>Den Standard-Ausgabeordner wählen</translation>
        </message>
        <message>
            <source>Default output folder:</source>
            <translation>Standard-Ausgabeordner:</translation>
        </message>
        <message>
            <source>Naming template</source>
            <translation>Namensvorlage</translation>
        </message>
        <message>
            <source>Default: {name}, or {name}-{preset} for several presets</source>
            <translation>Standard: {name}, bei mehreren Presets {name}-{preset}</translation>
        </message>
        <message>
            <source>Naming template:</source>
            <translation>Namensvorlage:</translation>
        </message>
        <message>
            <source>When the output exists</source>
            <translation>Wenn das Ergebnis existiert</translation>
        </message>
        <message>
            <source>Keep both (new name)</source>
            <translation>Beide behalten (neuer Name)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Ersetzen</translation>
        </message>
        <message>
            <source>When the output exists:</source>
            <translation>Wenn das Ergebnis existiert:</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Lease time</source>
            <translation>Reservierungsdauer</translation>
        </message>
        <message>
            <source>How long a job may run without a heartbeat before another worker takes it over.</source>
            <translation>Wie lange ein Auftrag ohne Lebenszeichen laufen darf, bevor ein anderer Arbeiter ihn übernimmt.</translation>
        </message>
        <message>
            <source>Lease time:</source>
            <translation>Reservierungsdauer:</translation>
        </message>
        <message>
            <source>Maximum attempts</source>
            <translation>Höchstzahl der Versuche</translation>
        </message>
        <message>
            <source>Maximum attempts:</source>
            <translation>Höchstzahl der Versuche:</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Systemvorgabe</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Sprache:</translation>
        </message>
        <message>
            <source>A new language applies the next time PixQueue starts.</source>
            <translation>Eine neue Sprache gilt ab dem nächsten Start von PixQueue.</translation>
        </message>
        <message>
            <source>Resume on start</source>
            <translation>Beim Start fortsetzen</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>Offload</source>
            <translation>Auslagern</translation>
        </message>
        <message>
            <source>Batches added with Offload on are processed by PixQueue workers on servers, fed through a cloud message queue; images travel through an S3-compatible bucket.</source>
            <translation>Stapel, die bei eingeschaltetem Auslagern hinzugefügt werden, verarbeiten PixQueue-Arbeiter auf Servern, versorgt über eine Cloud-Nachrichtenwarteschlange; die Bilder wandern über einen S3-kompatiblen Bucket.</translation>
        </message>
        <message>
            <source>Queue service</source>
            <translation>Warteschlangendienst</translation>
        </message>
        <message>
            <source>Amazon SQS or SQS-compatible</source>
            <translation>Amazon SQS oder SQS-kompatibel</translation>
        </message>
        <message>
            <source>Tencent CMQ (TDMQ for CMQ)</source>
            <translation>Tencent CMQ (TDMQ für CMQ)</translation>
        </message>
        <message>
            <source>Queue service:</source>
            <translation>Warteschlangendienst:</translation>
        </message>
        <message>
            <source>Queue endpoint</source>
            <translation>Endpunkt der Warteschlangen</translation>
        </message>
        <message>
            <source>Queue endpoint:</source>
            <translation>Endpunkt der Warteschlangen:</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>e.g. eu-central-1 or ap-guangzhou</source>
            <translation>z. B. eu-central-1 oder ap-guangzhou</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Region:</translation>
        </message>
        <message>
            <source>Request queue</source>
            <translation>Anfrage-Warteschlange</translation>
        </message>
        <message>
            <source>Name or URL</source>
            <translation>Name oder URL</translation>
        </message>
        <message>
            <source>Request queue:</source>
            <translation>Anfrage-Warteschlange:</translation>
        </message>
        <message>
            <source>Response queue</source>
            <translation>Antwort-Warteschlange</translation>
        </message>
        <message>
            <source>Response queue:</source>
            <translation>Antwort-Warteschlange:</translation>
        </message>
        <message>
            <source>Dead-letter queue</source>
            <translation>Dead-Letter-Warteschlange</translation>
        </message>
        <message>
            <source>Optional: name or URL</source>
            <translation>Optional: Name oder URL</translation>
        </message>
        <message>
            <source>Requests that no worker could finish end here; their jobs are shown as failed.</source>
            <translation>Anfragen, die kein Arbeiter abschließen konnte, landen hier; ihre Aufträge werden als fehlgeschlagen angezeigt.</translation>
        </message>
        <message>
            <source>Dead-letter queue:</source>
            <translation>Dead-Letter-Warteschlange:</translation>
        </message>
        <message>
            <source>Storage endpoint</source>
            <translation>Endpunkt des Speichers</translation>
        </message>
        <message>
            <source>Storage endpoint:</source>
            <translation>Endpunkt des Speichers:</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>Bucket</translation>
        </message>
        <message>
            <source>Bucket:</source>
            <translation>Bucket:</translation>
        </message>
        <message>
            <source>Virtual-hosted addresses (bucket.host/key instead of host/bucket/key)</source>
            <translation>Virtual-Hosted-Adressen (bucket.host/key statt host/bucket/key)</translation>
        </message>
        <message>
            <source>Virtual-hosted addresses</source>
            <translation>Virtual-Hosted-Adressen</translation>
        </message>
        <message>
            <source>Pre-signed URL lifetime</source>
            <translation>Gültigkeit der vorsignierten URLs</translation>
        </message>
        <message>
            <source>How long a worker may use the download and upload links of a request (6 hours = 21600 s; at most 7 days).</source>
            <translation>Wie lange ein Arbeiter die Download- und Upload-Links einer Anfrage verwenden darf (6 Stunden = 21600 s; höchstens 7 Tage).</translation>
        </message>
        <message>
            <source>Pre-signed URL lifetime:</source>
            <translation>Gültigkeit der vorsignierten URLs:</translation>
        </message>
        <message>
            <source>Answer timeout</source>
            <translation>Wartezeit auf die Antwort</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>An offloaded job that gets no answer within this time fails.</source>
            <translation>Ein ausgelagerter Auftrag, der in dieser Zeit keine Antwort erhält, schlägt fehl.</translation>
        </message>
        <message>
            <source>Answer timeout:</source>
            <translation>Wartezeit auf die Antwort:</translation>
        </message>
        <message>
            <source>Credentials (kept in the system keychain only)</source>
            <translation>Zugangsdaten (nur im Schlüsselbund des Systems gespeichert)</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>Zugriffsschlüssel-ID</translation>
        </message>
        <message>
            <source>Access key ID:</source>
            <translation>Zugriffsschlüssel-ID:</translation>
        </message>
        <message>
            <source>Secret</source>
            <translation>Geheimer Schlüssel</translation>
        </message>
        <message>
            <source>Secret:</source>
            <translation>Geheimer Schlüssel:</translation>
        </message>
        <message>
            <source>Test Connection</source>
            <translation>Verbindung testen</translation>
        </message>
        <message>
            <source>Reach the three queues, send and receive a probe message, and write, read and delete a small file in the bucket, with the values above.</source>
            <translation>Mit den obigen Werten die drei Warteschlangen erreichen, eine Testnachricht senden und empfangen sowie eine kleine Datei im Bucket schreiben, lesen und löschen.</translation>
        </message>
        <message>
            <source>Connection test steps</source>
            <translation>Schritte des Verbindungstests</translation>
        </message>
        <message>
            <source>Required: the endpoint from the TDMQ console</source>
            <translation>Erforderlich: der Endpunkt aus der TDMQ-Konsole</translation>
        </message>
        <message>
            <source>Empty: AWS for the region</source>
            <translation>Leer: AWS für die Region</translation>
        </message>
        <message>
            <source>Required: the bucket service&apos;s S3 endpoint</source>
            <translation>Erforderlich: der S3-Endpunkt des Bucket-Dienstes</translation>
        </message>
        <message>
            <source>Empty: S3 for the region, or the queue endpoint when it serves S3 too</source>
            <translation>Leer: S3 für die Region, oder der Warteschlangen-Endpunkt, wenn er auch S3 anbietet</translation>
        </message>
        <message>
            <source>SecretId</source>
            <translation>SecretId</translation>
        </message>
        <message>
            <source>e.g. AKIA…</source>
            <translation>z. B. AKIA…</translation>
        </message>
        <message>
            <source>Offload cannot run until this is fixed: %1.</source>
            <translation>Die Auslagerung kann erst laufen, wenn dies behoben ist: %1.</translation>
        </message>
        <message>
            <source>The offload settings are complete.</source>
            <translation>Die Einstellungen für die Auslagerung sind vollständig.</translation>
        </message>
        <message>
            <source>Reading the keychain…</source>
            <translation>Schlüsselbund wird gelesen…</translation>
        </message>
        <message>
            <source>Loaded from the keychain.</source>
            <translation>Aus dem Schlüsselbund geladen.</translation>
        </message>
        <message>
            <source>No credentials saved for this queue service yet. They are saved in the system keychain when you press OK.</source>
            <translation>Für diesen Warteschlangendienst sind noch keine Zugangsdaten gespeichert. Sie werden beim Klick auf OK im Schlüsselbund des Systems gespeichert.</translation>
        </message>
        <message>
            <source>Enter both the access key ID and the secret, or clear both to remove them from the keychain.</source>
            <translation>Bitte Zugriffsschlüssel-ID und geheimen Schlüssel beide eingeben, oder beide leeren, um sie aus dem Schlüsselbund zu entfernen.</translation>
        </message>
        <message>
            <source>Removing the credentials from the keychain…</source>
            <translation>Zugangsdaten werden aus dem Schlüsselbund entfernt…</translation>
        </message>
        <message>
            <source>Saving the credentials in the keychain…</source>
            <translation>Zugangsdaten werden im Schlüsselbund gespeichert…</translation>
        </message>
        <message>
            <source>Saved in the keychain.</source>
            <translation>Im Schlüsselbund gespeichert.</translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation>Verbindung wird getestet…</translation>
        </message>
        <message>
            <source>The connection works: every step passed.</source>
            <translation>Die Verbindung funktioniert: alle Schritte waren erfolgreich.</translation>
        </message>
        <message>
            <source>The connection test failed: %1</source>
            <translation>Der Verbindungstest ist fehlgeschlagen: %1</translation>
        </message>
    </context>
</TS>
