<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>pq::cli</name>
        <message>
            <source>%1: &apos;%2&apos; is not an http(s) URL</source>
            <translation>%1: „%2“ ist keine http(s)-URL</translation>
        </message>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 braucht einen Wert</translation>
        </message>
        <message>
            <source>error: queue %1: %2</source>
            <translation>Fehler: Warteschlange %1: %2</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>unbekannte Option %1</translation>
        </message>
        <message>
            <source>  run --offload [--until-idle] [--senders N] CONNECTION...
      Send the jobs of batches added with --offload to remote workers and bring
      their results back. With --until-idle, exit when every offload job ended.
  worker CONNECTION... [--workers N] [--until-idle SECONDS]
      [--visibility-timeout SECONDS] [--wait SECONDS]
      Process offloaded jobs from the request queue. With --until-idle, exit
      after that many seconds without a request.
  setup-offload CONNECTION... [--visibility-timeout S] [--max-receives N] [--save]
      Create the three queues (requests redriven to the dead-letter queue after
      N receives) and the bucket. --save keeps the connection as the settings.
  test-offload CONNECTION... [--save]
      Send and receive a probe message, write, read and delete a test object.
  CONNECTION flags (each falls back to the saved offload settings):
      --provider sqs|cmq --endpoint URL --region R --request-queue Q
      --response-queue Q --dead-letter-queue Q --bucket B --storage-endpoint URL
      Queues are names or URLs. Credentials come from AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (sqs) or TENCENTCLOUD_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY (cmq). Pre-signed URLs must point at the storage
      endpoint (default: the queue endpoint for SQS-compatible servers, else S3).
</source>
            <translation>  run --offload [--until-idle] [--senders N] CONNECTION...
      Sendet die Aufträge der mit --offload hinzugefügten Stapel an entfernte
      Arbeiter und holt ihre Ergebnisse zurück. Mit --until-idle endet der Befehl,
      sobald alle ausgelagerten Aufträge beendet sind.
  worker CONNECTION... [--workers N] [--until-idle SECONDS]
      [--visibility-timeout SECONDS] [--wait SECONDS]
      Verarbeitet ausgelagerte Aufträge aus der Anfrage-Warteschlange. Mit
      --until-idle endet der Befehl nach so vielen Sekunden ohne Anfrage.
  setup-offload CONNECTION... [--visibility-timeout S] [--max-receives N] [--save]
      Legt die drei Warteschlangen an (Anfragen gehen nach N Empfängen in die
      Dead-Letter-Warteschlange) sowie den Bucket. --save übernimmt die
      Verbindung in die Einstellungen.
  test-offload CONNECTION... [--save]
      Sendet und empfängt eine Testnachricht, schreibt, liest und löscht ein
      Testobjekt.
  CONNECTION-Optionen (Standard: jeweils die gespeicherte Auslagerungs-Einstellung):
      --provider sqs|cmq --endpoint URL --region R --request-queue Q
      --response-queue Q --dead-letter-queue Q --bucket B --storage-endpoint URL
      Warteschlangen sind Namen oder URLs. Die Zugangsdaten kommen aus
      AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (sqs) oder
      TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY (cmq). Vorsignierte URLs
      müssen auf den Endpunkt des Speichers zeigen (Standard: bei SQS-kompatiblen
      Servern der Endpunkt der Warteschlangen, sonst S3).
</translation>
        </message>
        <message>
            <source>pixqueue-cli worker: %1</source>
            <translation>pixqueue-cli worker: %1</translation>
        </message>
        <message>
            <source>Try &apos;pixqueue-cli --help&apos;.</source>
            <translation>„pixqueue-cli --help“ liefert weitere Informationen.</translation>
        </message>
        <message>
            <source>job %1 done (%2 bytes)</source>
            <translation>Auftrag %1 fertig (%2 Bytes)</translation>
        </message>
        <message>
            <source>job %1 failed (%2): %3</source>
            <translation>Auftrag %1 fehlgeschlagen (%2): %3</translation>
        </message>
        <message>
            <source>job %1 left for a retry: %2</source>
            <translation>Auftrag %1 für einen neuen Versuch freigegeben: %2</translation>
        </message>
        <message>
            <source>stopping: unfinished requests are handed back to the queue</source>
            <translation>wird beendet: unerledigte Anfragen gehen an die Warteschlange zurück</translation>
        </message>
        <message>
            <source>worker: %1 thread(s) on %2, %3</source>
            <translation>Arbeiter: %1 Thread(s), %2-Warteschlange %3</translation>
        </message>
        <message>
            <source>worker stopped: %1 done, %2 failed</source>
            <translation>Arbeiter beendet: %1 fertig, %2 fehlgeschlagen</translation>
        </message>
        <message>
            <source>error: dead-letter queue: %1</source>
            <translation>Fehler: Dead-Letter-Warteschlange: %1</translation>
        </message>
        <message>
            <source>dead-letter queue: %1</source>
            <translation>Dead-Letter-Warteschlange: %1</translation>
        </message>
        <message>
            <source>error: request queue: %1</source>
            <translation>Fehler: Anfrage-Warteschlange: %1</translation>
        </message>
        <message>
            <source>request queue: %1 (visibility timeout %2 s, to the dead-letter queue after %3 receives)</source>
            <translation>Anfrage-Warteschlange: %1 (Sichtbarkeits-Timeout %2 s, nach %3 Empfängen in die Dead-Letter-Warteschlange)</translation>
        </message>
        <message>
            <source>error: response queue: %1</source>
            <translation>Fehler: Antwort-Warteschlange: %1</translation>
        </message>
        <message>
            <source>response queue: %1</source>
            <translation>Antwort-Warteschlange: %1</translation>
        </message>
        <message>
            <source>error: bucket %1: %2</source>
            <translation>Fehler: Bucket %1: %2</translation>
        </message>
        <message>
            <source>bucket: %1</source>
            <translation>Bucket: %1</translation>
        </message>
        <message>
            <source>saved as the offload settings</source>
            <translation>als Auslagerungs-Einstellungen gespeichert</translation>
        </message>
        <message>
            <source>Usage: pixqueue-cli [--db FILE] COMMAND [OPTIONS]

Commands:
  add (--preset NAME | --recipe FILE.json | --op SPEC ...) --out DIR
      [--naming TPL] [--overwrite skip|replace|rename] [--max-attempts N]
      [--offload] INPUT...
      Queue one job per input image and recipe. INPUT may be files or folders
      (recursive). --op may repeat; SPEC is name:key=value,key=value, e.g.
      thumbnail:size=256 or resize:width=800,fit=inside. --preset may repeat
      (one output per preset). With --offload the batch goes to remote workers
      (run --offload). Prints the batch id.
  run [--workers N] [--until-idle] [--lease-seconds S]
      Work the queue here. With --until-idle, exit when no job is queued or
      leased (batches added with --offload are left to run --offload).
  process ...   add (same options) then run --until-idle, like mogrify.
  status [--json]                 Counts per state.
  list [--state S] [--json]       One entry per job.
  retry (--all-failed | ID...)    Failed or cancelled jobs run again.
  cancel (--all-failed | ID...)   Jobs are cancelled.
  ops [--json]                    The operations and their parameters.
  presets [--json]                The built-in and user presets (user presets: %2).
%3
Options:
  --db FILE     Job database (default: %1)
  --max-megapixels N   Refuse images of more than N megapixels (default 100), read
                from the header before decoding: decompression bombs fail at once.
  --max-file-mb N      Refuse input files larger than N MB (default 1024).
  --lang CODE   Language of the messages: de, zh_CN or en (default: PIXQUEUE_LANG,
                else the system&apos;s).
  --version     Print the version.
  --help        Print this help.

Exit codes: 0 all done, 1 some job failed, 2 usage error.
</source>
            <translation>Aufruf: pixqueue-cli [--db FILE] COMMAND [OPTIONS]

Befehle:
  add (--preset NAME | --recipe FILE.json | --op SPEC ...) --out DIR
      [--naming TPL] [--overwrite skip|replace|rename] [--max-attempts N]
      [--offload] INPUT...
      Reiht einen Auftrag je Eingabebild und Rezept ein. INPUT können Dateien
      oder Ordner sein (rekursiv). --op ist wiederholbar; SPEC ist
      name:key=value,key=value, z. B. thumbnail:size=256 oder
      resize:width=800,fit=inside. --preset ist wiederholbar (eine Ausgabe je
      Preset). Mit --offload geht der Stapel an entfernte Arbeiter
      (run --offload). Gibt die Stapel-ID aus.
  run [--workers N] [--until-idle] [--lease-seconds S]
      Arbeitet die Warteschlange hier ab. Mit --until-idle endet der Befehl,
      sobald kein Auftrag mehr wartet oder reserviert ist (mit --offload
      hinzugefügte Stapel bleiben run --offload überlassen).
  process ...   add (gleiche Optionen), dann run --until-idle, wie mogrify.
  status [--json]                 Aufträge je Zustand.
  list [--state S] [--json]       Ein Eintrag je Auftrag.
  retry (--all-failed | ID...)    Fehlgeschlagene oder abgebrochene Aufträge laufen erneut.
  cancel (--all-failed | ID...)   Die Aufträge werden abgebrochen.
  ops [--json]                    Die Operationen und ihre Parameter.
  presets [--json]                Die eingebauten und eigenen Presets (eigene Presets: %2).
%3
Optionen:
  --db FILE     Auftragsdatenbank (Standard: %1)
  --max-megapixels N   Bilder mit mehr als N Megapixeln ablehnen (Standard 100), vor dem
                Dekodieren aus dem Header gelesen: Dekompressionsbomben scheitern sofort.
  --max-file-mb N      Eingabedateien über N MB ablehnen (Standard 1024).
  --lang CODE   Sprache der Meldungen: de, zh_CN oder en (Standard: PIXQUEUE_LANG,
                sonst die des Systems).
  --version     Die Version ausgeben.
  --help        Diese Hilfe ausgeben.

Exit-Codes: 0 alles erledigt, 1 mindestens ein Auftrag fehlgeschlagen, 2 falscher Aufruf.
</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>Fehler: %1</translation>
        </message>
        <message>
            <source>--overwrite: &apos;%1&apos; is not one of skip, replace, rename</source>
            <translation>--overwrite: „%1“ ist keiner der Werte skip, replace, rename</translation>
        </message>
        <message>
            <source>say what to do: --preset NAME, --recipe FILE.json or --op SPEC</source>
            <translation>angeben, was zu tun ist: --preset NAME, --recipe FILE.json oder --op SPEC</translation>
        </message>
        <message>
            <source>--out DIR is required</source>
            <translation>--out DIR ist erforderlich</translation>
        </message>
        <message>
            <source>no input files or folders given</source>
            <translation>keine Eingabedateien oder -ordner angegeben</translation>
        </message>
        <message>
            <source>cannot read recipe %1: %2</source>
            <translation>Rezept %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>recipe %1: %2</source>
            <translation>Rezept %1: %2</translation>
        </message>
        <message>
            <source>skipped %1 file(s): %2</source>
            <translation>%1 Datei(en) übersprungen: %2</translation>
        </message>
        <message>
            <source>error: no images found in the given inputs</source>
            <translation>Fehler: in den angegebenen Eingaben wurden keine Bilder gefunden</translation>
        </message>
        <message>
            <source>%1 job(s) skipped: their output already exists</source>
            <translation>übersprungene Aufträge (Ausgabe existiert bereits): %1</translation>
        </message>
        <message>
            <source>%1 job(s) failed:</source>
            <translation>fehlgeschlagene Aufträge (%1):</translation>
        </message>
        <message>
            <source>  ... and %1 more (pixqueue-cli list --state failed)</source>
            <translation>  ... und %1 weitere (pixqueue-cli list --state failed)</translation>
        </message>
        <message>
            <source>job %1 failed: %2</source>
            <translation>Auftrag %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>%1/%2 done, %3 failed, %4 img/s, ETA %5</source>
            <translation>%1/%2 fertig, %3 fehlgeschlagen, %4 Bilder/s, Restzeit %5</translation>
        </message>
        <message>
            <source>stopping: running jobs are handed back to the queue</source>
            <translation>wird beendet: laufende Aufträge gehen an die Warteschlange zurück</translation>
        </message>
        <message>
            <source>--state: &apos;%1&apos; is not a job state</source>
            <translation>--state: „%1“ ist kein Auftragszustand</translation>
        </message>
        <message>
            <source>(copied from job %1: same input and recipe)</source>
            <translation>(kopiert von Auftrag %1: gleiche Eingabe, gleiches Rezept)</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a job id</source>
            <translation>„%1“ ist keine Auftrags-ID</translation>
        </message>
        <message>
            <source>give --all-failed or job ids</source>
            <translation>--all-failed oder Auftrags-IDs angeben</translation>
        </message>
        <message>
            <source>%1 job(s) queued again</source>
            <translation>Aufträge erneut eingereiht: %1</translation>
        </message>
        <message>
            <source>%1 job(s) cancelled</source>
            <translation>Aufträge abgebrochen: %1</translation>
        </message>
        <message>
            <source>    %1 (%2, default %3): %4</source>
            <translation>    %1 (%2, Standard %3): %4</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <source>(no steps)</source>
            <translation>(keine Schritte)</translation>
        </message>
        <message>
            <source>no command given</source>
            <translation>kein Befehl angegeben</translation>
        </message>
        <message>
            <source>unknown command &apos;%1&apos;</source>
            <translation>unbekannter Befehl „%1“</translation>
        </message>
        <message>
            <source>pixqueue-cli: %1</source>
            <translation>pixqueue-cli: %1</translation>
        </message>
        <message>
            <source>%1: &apos;%2&apos; is not a number in %3..%4</source>
            <translation>%1: „%2“ ist keine Zahl im Bereich %3..%4</translation>
        </message>
    </context>
    <context>
        <name>pq::cli::Args</name>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 braucht einen Wert</translation>
        </message>
    </context>
    <context>
        <name>pq::cli::OffloadRun</name>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 braucht einen Wert</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>unbekannte Option %1</translation>
        </message>
        <message>
            <source>job %1 failed: %2</source>
            <translation>Auftrag %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>%1 (trying again in %2 s)</source>
            <translation>%1 (neuer Versuch in %2 s)</translation>
        </message>
        <message>
            <source>stopping: offloaded jobs keep waiting for their answers in the queue</source>
            <translation>wird beendet: ausgelagerte Aufträge warten in der Warteschlange weiter auf ihre Antworten</translation>
        </message>
        <message>
            <source>offload: %1 sent, %2 done, %3 failed, %4 waiting to be sent, %5 offloaded</source>
            <translation>Auslagerung: %1 gesendet, %2 fertig, %3 fehlgeschlagen, %4 warten auf Versand, %5 ausgelagert</translation>
        </message>
        <message>
            <source>offload: %1 to %2</source>
            <translation>Auslagerung: über %1 an %2</translation>
        </message>
    </context>
</TS>
