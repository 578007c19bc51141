<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>pq</name>
        <message>
            <source>folder already visited (symbolic link loop)</source>
            <translation>Ordner wurde schon besucht (Schleife symbolischer Links)</translation>
        </message>
        <message>
            <source>not an image file type we read</source>
            <translation>kein Bilddateityp, den PixQueue liest</translation>
        </message>
        <message>
            <source>broken link or special file</source>
            <translation>defekte Verknüpfung oder Spezialdatei</translation>
        </message>
        <message>
            <source>the job&apos;s recipe is invalid: %1</source>
            <translation>das Rezept des Auftrags ist ungültig: %1</translation>
        </message>
        <message>
            <source>unknown operation &apos;%1&apos;</source>
            <translation>unbekannte Operation „%1“</translation>
        </message>
        <message>
            <source>%1 is a folder, not an image</source>
            <translation>%1 ist ein Ordner, kein Bild</translation>
        </message>
        <message>
            <source>cannot read the folder %1: permission denied</source>
            <translation>der Ordner %1 kann nicht gelesen werden: Zugriff verweigert</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>refusing to write the output over the input file %1</source>
            <translation>die Ausgabe würde die Eingabedatei %1 überschreiben; das wird verweigert</translation>
        </message>
        <message>
            <source>gave up after %1 attempts: the process stopped or crashed during each of them</source>
            <translation>nach %1 Versuchen aufgegeben: der Prozess wurde bei jedem davon beendet oder ist abgestürzt</translation>
        </message>
    </context>
    <context>
        <name>pq::JobStore</name>
        <message>
            <source>cannot create the folder of the job database %1</source>
            <translation>der Ordner der Auftragsdatenbank %1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot open the job database %1: %2</source>
            <translation>die Auftragsdatenbank %1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>%1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot create the lock file in %1</source>
            <translation>die Sperrdatei in %1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>the job database %1 is locked or not writable: %2</source>
            <translation>die Auftragsdatenbank %1 ist gesperrt oder nicht beschreibbar: %2</translation>
        </message>
        <message>
            <source>the job database %1 was made by a newer PixQueue (schema %2, this one knows %3)</source>
            <translation>die Auftragsdatenbank %1 stammt von einem neueren PixQueue (Schema %2, dieses kennt %3)</translation>
        </message>
        <message>
            <source>cannot migrate the job database to schema %1: %2</source>
            <translation>die Auftragsdatenbank kann nicht auf Schema %1 migriert werden: %2</translation>
        </message>
        <message>
            <source>cannot write the job database %1</source>
            <translation>die Auftragsdatenbank %1 kann nicht geschrieben werden</translation>
        </message>
        <message>
            <source>no recipe or preset given</source>
            <translation>kein Rezept und kein Preset angegeben</translation>
        </message>
        <message>
            <source>no output folder given</source>
            <translation>kein Ausgabeordner angegeben</translation>
        </message>
        <message>
            <source>the job database is busy or not writable: %1</source>
            <translation>die Auftragsdatenbank ist belegt oder nicht beschreibbar: %1</translation>
        </message>
        <message>
            <source>cannot record the batch: %1</source>
            <translation>der Stapel kann nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>skipped: the output already exists</source>
            <translation>übersprungen: die Ausgabe existiert bereits</translation>
        </message>
        <message>
            <source>cannot record a job: %1</source>
            <translation>ein Auftrag kann nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>cannot write the job database: %1</source>
            <translation>die Auftragsdatenbank kann nicht geschrieben werden: %1</translation>
        </message>
        <message>
            <source>%1 (gave up after %2 attempts)</source>
            <translation>%1 (nach %2 Versuchen aufgegeben)</translation>
        </message>
        <message>
            <source>the previous attempt was interrupted (the process stopped or crashed)</source>
            <translation>der vorige Versuch wurde unterbrochen (der Prozess wurde beendet oder ist abgestürzt)</translation>
        </message>
    </context>
    <context>
        <name>pq::OperationRegistry</name>
        <message>
            <source>operation &apos;%1&apos; has no parameter &apos;%2&apos; (parameters: %3)</source>
            <translation>Operation „%1“ hat keinen Parameter „%2“ (Parameter: %3)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>operation &apos;%1&apos;: %2</source>
            <translation>Operation „%1“: %2</translation>
        </message>
        <message>
            <source>unknown operation &apos;%1&apos; (known: %2)</source>
            <translation>unbekannte Operation „%1“ (bekannt: %2)</translation>
        </message>
        <message>
            <source>operation &apos;%1&apos;: expected key=value, got &apos;%2&apos;</source>
            <translation>Operation „%1“: Schlüssel=Wert erwartet, „%2“ erhalten</translation>
        </message>
    </context>
    <context>
        <name>pq::OutputNaming</name>
        <message>
            <source>the naming template is empty</source>
            <translation>die Benennungsvorlage ist leer</translation>
        </message>
        <message>
            <source>unknown placeholder {%1} in naming template &apos;%2&apos; (known: {name}, {preset}, {index}, {parent})</source>
            <translation>unbekannter Platzhalter {%1} in der Benennungsvorlage „%2“ (bekannt: {name}, {preset}, {index}, {parent})</translation>
        </message>
        <message>
            <source>the naming template &apos;%1&apos; must not contain folder separators</source>
            <translation>die Benennungsvorlage „%1“ darf keine Ordnertrenner enthalten</translation>
        </message>
    </context>
    <context>
        <name>pq::ParamChoice</name>
        <message>
            <source>luminance</source>
            <translation>Luminanz</translation>
        </message>
        <message>
            <source>per-channel</source>
            <translation>je Kanal</translation>
        </message>
        <message>
            <source>gaussian</source>
            <translation>Gauß</translation>
        </message>
        <message>
            <source>box</source>
            <translation>Kasten</translation>
        </message>
        <message>
            <source>center</source>
            <translation>Mitte</translation>
        </message>
        <message>
            <source>north</source>
            <translation>oben</translation>
        </message>
        <message>
            <source>south</source>
            <translation>unten</translation>
        </message>
        <message>
            <source>east</source>
            <translation>rechts</translation>
        </message>
        <message>
            <source>west</source>
            <translation>links</translation>
        </message>
        <message>
            <source>northeast</source>
            <translation>oben rechts</translation>
        </message>
        <message>
            <source>northwest</source>
            <translation>oben links</translation>
        </message>
        <message>
            <source>southeast</source>
            <translation>unten rechts</translation>
        </message>
        <message>
            <source>southwest</source>
            <translation>unten links</translation>
        </message>
        <message>
            <source>model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>reference</source>
            <translation>Referenzfoto</translation>
        </message>
        <message>
            <source>welsh</source>
            <translation>Welsh</translation>
        </message>
        <message>
            <source>reinhard</source>
            <translation>Reinhard</translation>
        </message>
        <message>
            <source>px</source>
            <translation>Pixel</translation>
        </message>
        <message>
            <source>percent</source>
            <translation>Prozent</translation>
        </message>
        <message>
            <source>horizontal</source>
            <translation>horizontal</translation>
        </message>
        <message>
            <source>vertical</source>
            <translation>vertikal</translation>
        </message>
        <message>
            <source>both</source>
            <translation>beides</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>automatisch</translation>
        </message>
        <message>
            <source>jpeg</source>
            <translation>JPEG</translation>
        </message>
        <message>
            <source>png</source>
            <translation>PNG</translation>
        </message>
        <message>
            <source>webp</source>
            <translation>WebP</translation>
        </message>
        <message>
            <source>tiff</source>
            <translation>TIFF</translation>
        </message>
        <message>
            <source>bmp</source>
            <translation>BMP</translation>
        </message>
        <message>
            <source>444</source>
            <translation>4:4:4 (volle Farbauflösung)</translation>
        </message>
        <message>
            <source>422</source>
            <translation>4:2:2</translation>
        </message>
        <message>
            <source>420</source>
            <translation>4:2:0 (kleinste Datei)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>lzw</source>
            <translation>LZW</translation>
        </message>
        <message>
            <source>deflate</source>
            <translation>Deflate</translation>
        </message>
        <message>
            <source>packbits</source>
            <translation>PackBits</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>behalten</translation>
        </message>
        <message>
            <source>strip</source>
            <translation>entfernen</translation>
        </message>
        <message>
            <source>keep-but-strip-gps</source>
            <translation>behalten, ohne GPS-Position</translation>
        </message>
        <message>
            <source>average</source>
            <translation>Durchschnitt</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>manuell</translation>
        </message>
        <message>
            <source>inside</source>
            <translation>einpassen</translation>
        </message>
        <message>
            <source>cover</source>
            <translation>ausfüllen</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>exakt</translation>
        </message>
        <message>
            <source>expand</source>
            <translation>erweitern</translation>
        </message>
        <message>
            <source>crop</source>
            <translation>zuschneiden</translation>
        </message>
        <message>
            <source>autocrop</source>
            <translation>automatisch zuschneiden</translation>
        </message>
        <message>
            <source>bicubic</source>
            <translation>bikubisch</translation>
        </message>
        <message>
            <source>lanczos</source>
            <translation>Lanczos</translation>
        </message>
        <message>
            <source>gray-world</source>
            <translation>Graue Welt</translation>
        </message>
    </context>
    <context>
        <name>pq::ParamSpec</name>
        <message>
            <source>true or false</source>
            <translation>true oder false</translation>
        </message>
        <message>
            <source>one of %1</source>
            <translation>einer von %1</translation>
        </message>
        <message>
            <source>#rrggbb, #rrggbbaa or a colour name</source>
            <translation>#rrggbb, #rrggbbaa oder ein Farbname</translation>
        </message>
        <message>
            <source>WxH+X+Y rectangles separated by spaces</source>
            <translation>Rechtecke BxH+X+Y, durch Leerzeichen getrennt</translation>
        </message>
        <message>
            <source>a file path</source>
            <translation>ein Dateipfad</translation>
        </message>
        <message>
            <source>parameter &apos;%1&apos;: %2 (allowed: %3)</source>
            <translation>Parameter „%1“: %2 (erlaubt: %3)</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a number</source>
            <translation>„%1“ ist keine Zahl</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a whole number</source>
            <translation>„%1“ ist keine ganze Zahl</translation>
        </message>
        <message>
            <source>%1 is out of range</source>
            <translation>%1 liegt außerhalb des Bereichs</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a boolean</source>
            <translation>„%1“ ist kein Wahrheitswert</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a known value</source>
            <translation>„%1“ ist kein bekannter Wert</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a colour</source>
            <translation>„%1“ ist keine Farbe</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a list of rectangles</source>
            <translation>„%1“ ist keine Liste von Rechtecken</translation>
        </message>
        <message>
            <source>expected text</source>
            <translation>Text erwartet</translation>
        </message>
        <message>
            <source>unsupported type</source>
            <translation>nicht unterstützter Typ</translation>
        </message>
    </context>
    <context>
        <name>pq::PresetLibrary</name>
        <message>
            <source>cannot read preset &apos;%1&apos;: %2</source>
            <translation>Preset „%1“ kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>preset &apos;%1&apos;: %2</source>
            <translation>Preset „%1“: %2</translation>
        </message>
        <message>
            <source>unknown preset &apos;%1&apos; (known: %2)</source>
            <translation>unbekanntes Preset „%1“ (bekannt: %2)</translation>
        </message>
    </context>
    <context>
        <name>pq::Recipe</name>
        <message>
            <source>only one &apos;format&apos; step is allowed</source>
            <translation>nur ein Schritt „format“ ist erlaubt</translation>
        </message>
        <message>
            <source>recipe version %1 is newer than this PixQueue understands (%2)</source>
            <translation>Rezeptversion %1 ist neuer, als dieses PixQueue versteht (%2)</translation>
        </message>
        <message>
            <source>recipe: &apos;steps&apos; must be a list</source>
            <translation>Rezept: „steps“ muss eine Liste sein</translation>
        </message>
        <message>
            <source>recipe step %1: unknown operation &apos;%2&apos;</source>
            <translation>Rezeptschritt %1: unbekannte Operation „%2“</translation>
        </message>
        <message>
            <source>recipe step %1: %2</source>
            <translation>Rezeptschritt %1: %2</translation>
        </message>
        <message>
            <source>recipe output: %1</source>
            <translation>Rezeptausgabe: %1</translation>
        </message>
        <message>
            <source>recipe is not valid JSON: %1 at offset %2</source>
            <translation>das Rezept ist kein gültiges JSON: %1 an Position %2</translation>
        </message>
        <message>
            <source>recipe must be a JSON object</source>
            <translation>das Rezept muss ein JSON-Objekt sein</translation>
        </message>
    </context>
    <context>
        <name>pq::WorkerPool</name>
        <message>
            <source>out of memory while processing</source>
            <translation>Speicher erschöpft während der Verarbeitung</translation>
        </message>
        <message>
            <source>internal error: %1</source>
            <translation>interner Fehler: %1</translation>
        </message>
        <message>
            <source>handed back: the workers stopped</source>
            <translation>zurückgegeben: die Worker wurden angehalten</translation>
        </message>
        <message>
            <source>the job was cancelled or taken over</source>
            <translation>der Auftrag wurde abgebrochen oder übernommen</translation>
        </message>
        <message>
            <source>the lease was lost before completion</source>
            <translation>die Zuteilung ging vor dem Abschluss verloren</translation>
        </message>
    </context>
    <context>
        <name>pq::imageio</name>
        <message>
            <source>cannot decode %1: %2</source>
            <translation>%1 kann nicht dekodiert werden: %2</translation>
        </message>
        <message>
            <source>unsupported sample type %1</source>
            <translation>nicht unterstützter Sample-Typ %1</translation>
        </message>
        <message>
            <source>unsupported channel count %1</source>
            <translation>nicht unterstützte Kanalzahl %1</translation>
        </message>
        <message>
            <source>cannot read %1: file not found</source>
            <translation>%1 kann nicht gelesen werden: Datei nicht gefunden</translation>
        </message>
        <message>
            <source>cannot read %1: it is a folder, not a file</source>
            <translation>%1 kann nicht gelesen werden: es ist ein Ordner, keine Datei</translation>
        </message>
        <message>
            <source>the file has %1 MB, more than the limit of %2 MB</source>
            <translation>die Datei hat %1 MB, mehr als die Grenze von %2 MB</translation>
        </message>
        <message>
            <source>the image has %1 megapixels (%2 x %3), more than the limit of %4 megapixels</source>
            <translation>das Bild hat %1 Megapixel (%2 × %3), mehr als die Grenze von %4 Megapixeln</translation>
        </message>
        <message>
            <source>cannot read %1: permission denied</source>
            <translation>%1 kann nicht gelesen werden: Zugriff verweigert</translation>
        </message>
        <message>
            <source>cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes)</source>
            <translation>die Datei ist leer (0 Byte)</translation>
        </message>
        <message>
            <source>not a supported image (content is not JPEG/PNG/WebP/TIFF/BMP/GIF)</source>
            <translation>kein unterstütztes Bild (der Inhalt ist nicht JPEG/PNG/WebP/TIFF/BMP/GIF)</translation>
        </message>
        <message>
            <source>GIF is not supported (often animated); convert it to PNG first</source>
            <translation>GIF wird nicht unterstützt (oft animiert); zuerst in PNG umwandeln</translation>
        </message>
        <message>
            <source>animated WebP is not supported (PixQueue processes still images)</source>
            <translation>animiertes WebP wird nicht unterstützt (PixQueue verarbeitet Standbilder)</translation>
        </message>
        <message>
            <source>the TIFF has several pages; PixQueue processes single-page images (split it first, e.g. with tiffsplit)</source>
            <translation>das TIFF hat mehrere Seiten; PixQueue verarbeitet einseitige Bilder (zuerst aufteilen, z. B. mit tiffsplit)</translation>
        </message>
        <message>
            <source>the JPEG data is truncated (no end-of-image marker)</source>
            <translation>die JPEG-Daten sind abgeschnitten (keine End-of-Image-Markierung)</translation>
        </message>
        <message>
            <source>the %1 data is truncated or corrupt</source>
            <translation>die %1-Daten sind abgeschnitten oder beschädigt</translation>
        </message>
        <message>
            <source>the decoder failed: %1</source>
            <translation>der Decoder ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>out of memory</source>
            <translation>Speicher erschöpft</translation>
        </message>
        <message>
            <source>cannot encode: unsupported output type &apos;%1&apos; (supported: jpg, png, webp, tif, bmp)</source>
            <translation>Kodieren nicht möglich: nicht unterstützter Ausgabetyp „%1“ (unterstützt: jpg, png, webp, tif, bmp)</translation>
        </message>
        <message>
            <source>cannot encode: the image is empty</source>
            <translation>Kodieren nicht möglich: das Bild ist leer</translation>
        </message>
        <message>
            <source>cannot encode: max-bytes works only for JPEG and lossy WebP output, and this output is %1%2</source>
            <translation>Kodieren nicht möglich: max-bytes gilt nur für JPEG- und verlustbehaftete WebP-Ausgabe, diese Ausgabe ist %1%2</translation>
        </message>
        <message>
            <source> (lossless)</source>
            <translation> (verlustfrei)</translation>
        </message>
        <message>
            <source>cannot encode the image as JPEG: %1</source>
            <translation>das Bild kann nicht als JPEG kodiert werden: %1</translation>
        </message>
        <message>
            <source>cannot encode the image as %1</source>
            <translation>das Bild kann nicht als %1 kodiert werden</translation>
        </message>
        <message>
            <source>cannot fit the %1 into max-bytes %2: at quality %3 it still takes %4 bytes</source>
            <translation>das %1 passt nicht in max-bytes %2: bei Qualität %3 braucht es noch %4 Byte</translation>
        </message>
        <message>
            <source>, %1 of them metadata (make the image smaller, use metadata=strip or allow more bytes)</source>
            <translation>, davon %1 Metadaten (das Bild verkleinern, metadata=strip verwenden oder mehr Bytes erlauben)</translation>
        </message>
        <message>
            <source> (make the image smaller or allow more bytes)</source>
            <translation> (das Bild verkleinern oder mehr Bytes erlauben)</translation>
        </message>
        <message>
            <source>cannot encode the image as %1: %2</source>
            <translation>das Bild kann nicht als %1 kodiert werden: %2</translation>
        </message>
        <message>
            <source>cannot encode: out of memory</source>
            <translation>Kodieren nicht möglich: Speicher erschöpft</translation>
        </message>
        <message>
            <source>cannot write output folder %1: %2</source>
            <translation>in den Ausgabeordner %1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>%1 is a file, not a folder</source>
            <translation>%1 ist eine Datei, kein Ordner</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>Zugriff verweigert</translation>
        </message>
        <message>
            <source>the folder could not be created</source>
            <translation>der Ordner konnte nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot write %1: a folder of that name exists</source>
            <translation>%1 kann nicht geschrieben werden: es gibt einen Ordner dieses Namens</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>short write</source>
            <translation>unvollständiger Schreibvorgang</translation>
        </message>
        <message>
            <source>cannot read the metadata of %1: %2</source>
            <translation>die Metadaten von %1 können nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>die Datei ist leer</translation>
        </message>
        <message>
            <source>the XMP metadata of %1 is not valid XMP and is not copied</source>
            <translation>die XMP-Metadaten von %1 sind kein gültiges XMP und werden nicht kopiert</translation>
        </message>
        <message>
            <source>cannot copy the metadata into the output: %1 (metadata=strip writes the image without it)</source>
            <translation>die Metadaten können nicht in die Ausgabe kopiert werden: %1 (metadata=strip schreibt das Bild ohne sie)</translation>
        </message>
    </context>
    <context>
        <name>pq::ops</name>
        <message>
            <source>image processing failed: %1</source>
            <translation>Bildverarbeitung fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>out of memory</source>
            <translation>Speicher erschöpft</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::AutoLevels</name>
        <message>
            <source>Auto levels</source>
            <translation>Auto-Tonwertkorrektur</translation>
        </message>
        <message>
            <source>Stretches the tones to the full range, letting a small share of the darkest and lightest pixels clip.</source>
            <translation>Spreizt die Tonwerte auf den vollen Umfang; ein kleiner Anteil der dunkelsten und hellsten Pixel darf dabei beschnitten werden.</translation>
        </message>
        <message>
            <source>Clip</source>
            <translation>Beschneiden</translation>
        </message>
        <message>
            <source>Share of the pixels allowed to become pure black, and likewise pure white, so that a few outliers do not stop the stretch.</source>
            <translation>Anteil der Pixel, die reines Schwarz und ebenso reines Weiß werden dürfen, damit einzelne Ausreißer die Spreizung nicht verhindern.</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <source>Stretch lightness only, keeping hues, or each colour channel on its own, which also removes a colour cast.</source>
            <translation>Nur die Helligkeit spreizen und die Farbtöne erhalten, oder jeden Farbkanal einzeln, was auch einen Farbstich entfernt.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::AutoOrient</name>
        <message>
            <source>Auto-orient</source>
            <translation>Automatisch ausrichten</translation>
        </message>
        <message>
            <source>Leaves the pixels as they are: every image is already turned upright by its EXIF orientation when it is read, and outputs are never tagged as rotated. Kept so that recipes from other tools load.</source>
            <translation>Lässt die Pixel unverändert: Jedes Bild wird beim Lesen schon nach seiner EXIF-Ausrichtung aufgerichtet, und Ausgaben werden nie als gedreht markiert. Vorhanden, damit Rezepte aus anderen Programmen geladen werden können.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Blur</name>
        <message>
            <source>Blur</source>
            <translation>Weichzeichnen</translation>
        </message>
        <message>
            <source>Softens the image.</source>
            <translation>Zeichnet das Bild weich.</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>gaussian is smooth and natural; box averages a square and is harsher.</source>
            <translation>Gauß wirkt glatt und natürlich; Kasten mittelt über ein Quadrat und wirkt härter.</translation>
        </message>
        <message>
            <source>Radius</source>
            <translation>Radius</translation>
        </message>
        <message>
            <source>gaussian: the standard deviation; box: half the side of the square (rounded, at least 1).</source>
            <translation>Gauß: die Standardabweichung; Kasten: die halbe Seitenlänge des Quadrats (gerundet, mindestens 1).</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Border</name>
        <message>
            <source>Border</source>
            <translation>Rahmen</translation>
        </message>
        <message>
            <source>Frames the image with a border of one colour.</source>
            <translation>Umgibt das Bild mit einem einfarbigen Rahmen.</translation>
        </message>
        <message>
            <source>Width in pixels</source>
            <translation>Breite in Pixeln</translation>
        </message>
        <message>
            <source>Border width in pixels; added to size-percent when both are set.</source>
            <translation>Rahmenbreite in Pixeln; wird zu size-percent addiert, wenn beide gesetzt sind.</translation>
        </message>
        <message>
            <source>Width in percent</source>
            <translation>Breite in Prozent</translation>
        </message>
        <message>
            <source>Border width in percent of the image&apos;s shorter side, so that images of any size get the same look.</source>
            <translation>Rahmenbreite in Prozent der kürzeren Bildseite, damit Bilder jeder Größe gleich aussehen.</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>Colour of the border; transparent adds an alpha channel.</source>
            <translation>Farbe des Rahmens; transparent fügt einen Alphakanal hinzu.</translation>
        </message>
        <message>
            <source>no border width given: set size-px and/or size-percent</source>
            <translation>keine Rahmenbreite angegeben: size-px und/oder size-percent setzen</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::BrightnessContrast</name>
        <message>
            <source>Brightness and contrast</source>
            <translation>Helligkeit und Kontrast</translation>
        </message>
        <message>
            <source>Changes lightness and contrast on the L* channel of Lab, keeping colours as they are.</source>
            <translation>Ändert Helligkeit und Kontrast im L*-Kanal von Lab und lässt die Farben unverändert.</translation>
        </message>
        <message>
            <source>Brightness</source>
            <translation>Helligkeit</translation>
        </message>
        <message>
            <source>Lightens (positive) or darkens (negative) the mid-tones; black and white stay as they are.</source>
            <translation>Hellt die Mitteltöne auf (positiv) oder dunkelt sie ab (negativ); Schwarz und Weiß bleiben, wie sie sind.</translation>
        </message>
        <message>
            <source>Contrast</source>
            <translation>Kontrast</translation>
        </message>
        <message>
            <source>Spreads (positive) or narrows (negative) the tones around the image&apos;s mean lightness; -100 is flat, 100 is black and white.</source>
            <translation>Spreizt (positiv) oder staucht (negativ) die Tonwerte um die mittlere Helligkeit des Bildes; −100 ist flach, 100 ist Schwarzweiß.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Canvas</name>
        <message>
            <source>Canvas</source>
            <translation>Arbeitsfläche</translation>
        </message>
        <message>
            <source>Pads the image with a colour to a size and/or an aspect ratio, without cropping or scaling it.</source>
            <translation>Erweitert das Bild mit einer Farbe auf eine Größe und/oder ein Seitenverhältnis, ohne es zu beschneiden oder zu skalieren.</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Breite</translation>
        </message>
        <message>
            <source>Canvas width; 0 keeps the image&apos;s. An image already wider keeps its width: canvas never crops.</source>
            <translation>Breite der Arbeitsfläche; 0 behält die des Bildes. Ein breiteres Bild behält seine Breite: die Arbeitsfläche beschneidet nie.</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Höhe</translation>
        </message>
        <message>
            <source>Canvas height; 0 keeps the image&apos;s. An image already taller keeps its height: canvas never crops.</source>
            <translation>Höhe der Arbeitsfläche; 0 behält die des Bildes. Ein höheres Bild behält seine Höhe: die Arbeitsfläche beschneidet nie.</translation>
        </message>
        <message>
            <source>Aspect ratio</source>
            <translation>Seitenverhältnis</translation>
        </message>
        <message>
            <source>Such as 1:1 or 16:9: pad the shorter direction until the canvas has this shape (after width and height).</source>
            <translation>Etwa 1:1 oder 16:9: die kürzere Richtung erweitern, bis die Arbeitsfläche diese Form hat (nach Breite und Höhe).</translation>
        </message>
        <message>
            <source>Gravity</source>
            <translation>Ausrichtung</translation>
        </message>
        <message>
            <source>Where the image sits on the canvas.</source>
            <translation>Wo das Bild auf der Arbeitsfläche sitzt.</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>Colour of the added area; transparent adds an alpha channel.</source>
            <translation>Farbe der hinzugefügten Fläche; transparent fügt einen Alphakanal hinzu.</translation>
        </message>
        <message>
            <source>parameter &apos;aspect&apos;: &apos;%1&apos; is not an aspect ratio (examples: 16:9, 1:1, 1.5)</source>
            <translation>Parameter „aspect“: „%1“ ist kein Seitenverhältnis (Beispiele: 16:9, 1:1, 1.5)</translation>
        </message>
        <message>
            <source>no canvas size given: set width and/or height, or aspect</source>
            <translation>keine Größe der Arbeitsfläche angegeben: width und/oder height oder aspect setzen</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Clahe</name>
        <message>
            <source>Local contrast (CLAHE)</source>
            <translation>Lokaler Kontrast (CLAHE)</translation>
        </message>
        <message>
            <source>Brings out detail in dark and flat areas by equalising the lightness region by region, with a limit on how far contrast may be raised.</source>
            <translation>Holt Details in dunklen und flachen Bereichen hervor, indem die Helligkeit Bereich für Bereich ausgeglichen wird, mit einer Grenze, wie weit der Kontrast steigen darf.</translation>
        </message>
        <message>
            <source>Clip limit</source>
            <translation>Clip-Grenze</translation>
        </message>
        <message>
            <source>How much contrast may be raised locally, as a multiple of a flat histogram (as in OpenCV): 1 is the gentlest, 2 to 4 natural, higher dramatic.</source>
            <translation>Wie stark der Kontrast lokal steigen darf, als Vielfaches eines flachen Histogramms (wie in OpenCV): 1 ist am sanftesten, 2 bis 4 natürlich, höher dramatisch.</translation>
        </message>
        <message>
            <source>Tiles</source>
            <translation>Kacheln</translation>
        </message>
        <message>
            <source>Number of tiles across each side of the image (8 = an 8x8 grid, as OpenCV&apos;s tileGridSize); more tiles, more local.</source>
            <translation>Anzahl der Kacheln über jede Bildseite (8 = ein 8×8-Raster, wie tileGridSize in OpenCV); mehr Kacheln wirken lokaler.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Colorize</name>
        <message>
            <source>Colorize</source>
            <translation>Kolorieren</translation>
        </message>
        <message>
            <source>Gives a black-and-white photo colour, from a neural network or from a reference colour photo, keeping its luminance.</source>
            <translation>Gibt einem Schwarzweißfoto Farbe, mit einem neuronalen Netz oder aus einem farbigen Referenzfoto, und erhält dabei seine Luminanz.</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Verfahren</translation>
        </message>
        <message>
            <source>model: the Zhang et al. 2016 colorization network (needs its model files); reference: colours taken from a reference colour photo.</source>
            <translation>Modell: das Kolorierungsnetz von Zhang et al. 2016 (braucht seine Modelldateien); Referenzfoto: Farben aus einem farbigen Referenzfoto.</translation>
        </message>
        <message>
            <source>Reference photo</source>
            <translation>Referenzfoto</translation>
        </message>
        <message>
            <source>A colour photo of a similar scene whose colours are transferred (engine reference).</source>
            <translation>Ein Farbfoto einer ähnlichen Szene, dessen Farben übertragen werden (Verfahren Referenzfoto).</translation>
        </message>
        <message>
            <source>Model folder</source>
            <translation>Modellordner</translation>
        </message>
        <message>
            <source>Folder holding colorization_deploy_v2.prototxt, colorization_release_v2.caffemodel and pts_in_hull.npy; empty uses $PIXQUEUE_COLORIZE_MODEL_DIR, else the application data folder&apos;s models/colorization.</source>
            <translation>Ordner mit colorization_deploy_v2.prototxt, colorization_release_v2.caffemodel und pts_in_hull.npy; leer verwendet $PIXQUEUE_COLORIZE_MODEL_DIR, sonst models/colorization im Datenordner der Anwendung.</translation>
        </message>
        <message>
            <source>Transfer method</source>
            <translation>Übertragungsmethode</translation>
        </message>
        <message>
            <source>welsh: each pixel takes the colour of the reference pixel most like it in brightness and texture; reinhard: faster, matches the mean and spread of colour only (a grey photo gets one overall tone).</source>
            <translation>Welsh: jedes Pixel übernimmt die Farbe des Referenzpixels, das ihm in Helligkeit und Struktur am ähnlichsten ist; Reinhard: schneller, gleicht nur Mittelwert und Streuung der Farbe an (ein graues Foto erhält einen einzigen Gesamtton).</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Stichproben</translation>
        </message>
        <message>
            <source>How many reference pixels the welsh method chooses from.</source>
            <translation>Aus wie vielen Referenzpixeln die Welsh-Methode wählt.</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>How much of the new colour replaces the photo&apos;s own (1 = all).</source>
            <translation>Wie viel der neuen Farbe die eigene des Fotos ersetzt (1 = vollständig).</translation>
        </message>
        <message>
            <source>Saturation</source>
            <translation>Sättigung</translation>
        </message>
        <message>
            <source>Scales the chroma of the result.</source>
            <translation>Skaliert die Buntheit des Ergebnisses.</translation>
        </message>
        <message>
            <source>engine &apos;reference&apos; needs a colour photo: set reference=FILE</source>
            <translation>Verfahren „reference“ braucht ein Farbfoto: reference=DATEI setzen</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Crop</name>
        <message>
            <source>Crop</source>
            <translation>Zuschneiden</translation>
        </message>
        <message>
            <source>Keeps a rectangle of the image, or the largest part with a given aspect ratio.</source>
            <translation>Behält ein Rechteck des Bildes oder den größten Ausschnitt mit einem bestimmten Seitenverhältnis.</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Links</translation>
        </message>
        <message>
            <source>Left edge of the rectangle.</source>
            <translation>Linke Kante des Rechtecks.</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>Oben</translation>
        </message>
        <message>
            <source>Top edge of the rectangle.</source>
            <translation>Obere Kante des Rechtecks.</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Breite</translation>
        </message>
        <message>
            <source>Width of the rectangle; 0 reaches the right edge.</source>
            <translation>Breite des Rechtecks; 0 reicht bis zum rechten Rand.</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Höhe</translation>
        </message>
        <message>
            <source>Height of the rectangle; 0 reaches the bottom edge.</source>
            <translation>Höhe des Rechtecks; 0 reicht bis zum unteren Rand.</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>Whether x, y, width and height are pixels or percent of the image size.</source>
            <translation>Ob x, y, Breite und Höhe in Pixeln oder in Prozent der Bildgröße angegeben sind.</translation>
        </message>
        <message>
            <source>Aspect ratio</source>
            <translation>Seitenverhältnis</translation>
        </message>
        <message>
            <source>Such as 16:9 or 1:1: keep the largest rectangle of this shape inside the one given.</source>
            <translation>Etwa 16:9 oder 1:1: das größte Rechteck dieser Form innerhalb des angegebenen behalten.</translation>
        </message>
        <message>
            <source>Gravity</source>
            <translation>Ausrichtung</translation>
        </message>
        <message>
            <source>Where the aspect-ratio rectangle sits when it is smaller than the space.</source>
            <translation>Wo das Rechteck mit dem Seitenverhältnis sitzt, wenn es kleiner als der Platz ist.</translation>
        </message>
        <message>
            <source>parameter &apos;aspect&apos;: &apos;%1&apos; is not an aspect ratio (examples: 16:9, 1:1, 1.5)</source>
            <translation>Parameter „aspect“: „%1“ ist kein Seitenverhältnis (Beispiele: 16:9, 1:1, 1.5)</translation>
        </message>
        <message>
            <source>parameter &apos;%1&apos;: %2 is more than 100 percent</source>
            <translation>Parameter „%1“: %2 ist mehr als 100 Prozent</translation>
        </message>
        <message>
            <source>the rectangle at (%1, %2) %3 is outside the %4x%5 image, nothing would be left</source>
            <translation>das Rechteck bei (%1, %2) %3 liegt außerhalb des %4×%5-Bildes, es bliebe nichts übrig</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Denoise</name>
        <message>
            <source>Denoise</source>
            <translation>Entrauschen</translation>
        </message>
        <message>
            <source>Removes noise and film grain with non-local means, separately for lightness and colour.</source>
            <translation>Entfernt Rauschen und Filmkorn mit Non-Local Means, getrennt für Helligkeit und Farbe.</translation>
        </message>
        <message>
            <source>Luma strength</source>
            <translation>Stärke Luminanz</translation>
        </message>
        <message>
            <source>Filter strength h for lightness noise: about the noise&apos;s standard deviation in 0..255 levels; 3 to 10 is usual, higher also removes fine detail.</source>
            <translation>Filterstärke h für Helligkeitsrauschen: etwa die Standardabweichung des Rauschens in Stufen von 0..255; üblich sind 3 bis 10, höher entfernt auch feine Details.</translation>
        </message>
        <message>
            <source>Colour strength</source>
            <translation>Stärke Farbe</translation>
        </message>
        <message>
            <source>Filter strength for colour noise (blotches); 10 removes most without washing out colours. Unused for gray images.</source>
            <translation>Filterstärke für Farbrauschen (Flecken); 10 entfernt das meiste, ohne die Farben auszuwaschen. Bei Graustufenbildern unbenutzt.</translation>
        </message>
        <message>
            <source>Search window</source>
            <translation>Suchfenster</translation>
        </message>
        <message>
            <source>Side of the area searched for similar patches (odd); larger is stronger and slower.</source>
            <translation>Seitenlänge des Bereichs, in dem nach ähnlichen Ausschnitten gesucht wird (ungerade); größer ist stärker und langsamer.</translation>
        </message>
        <message>
            <source>Patch size</source>
            <translation>Ausschnittgröße</translation>
        </message>
        <message>
            <source>Side of the patches compared (odd), smaller than the search window.</source>
            <translation>Seitenlänge der verglichenen Ausschnitte (ungerade), kleiner als das Suchfenster.</translation>
        </message>
        <message>
            <source>parameter &apos;search-window&apos;: %1 is even; it must be odd (7, 9, ..., 35)</source>
            <translation>Parameter „search-window“: %1 ist gerade; der Wert muss ungerade sein (7, 9, ..., 35)</translation>
        </message>
        <message>
            <source>parameter &apos;template-window&apos;: %1 is even; it must be odd (3, 5, ..., 15)</source>
            <translation>Parameter „template-window“: %1 ist gerade; der Wert muss ungerade sein (3, 5, ..., 15)</translation>
        </message>
        <message>
            <source>parameter &apos;template-window&apos;: %1 must be smaller than search-window (%2)</source>
            <translation>Parameter „template-window“: %1 muss kleiner als search-window (%2) sein</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Flip</name>
        <message>
            <source>Flip</source>
            <translation>Spiegeln</translation>
        </message>
        <message>
            <source>Mirrors the image horizontally, vertically or both, pixel for pixel.</source>
            <translation>Spiegelt das Bild horizontal, vertikal oder beides, Pixel für Pixel.</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <source>Horizontal swaps left and right, vertical swaps top and bottom; both does the two, which is a half turn.</source>
            <translation>Horizontal vertauscht links und rechts, vertikal oben und unten; beides tut beides, was einer halben Drehung entspricht.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::FormatOutput</name>
        <message>
            <source>Output format</source>
            <translation>Ausgabeformat</translation>
        </message>
        <message>
            <source>Chooses the output file type and the encoder settings.</source>
            <translation>Wählt den Dateityp der Ausgabe und die Einstellungen des Encoders.</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>File type to write; auto keeps the input&apos;s type where it can be written.</source>
            <translation>Zu schreibender Dateityp; automatisch behält den Typ der Eingabe, wo er geschrieben werden kann.</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Qualität</translation>
        </message>
        <message>
            <source>JPEG and WebP quality: higher is better and larger.</source>
            <translation>JPEG- und WebP-Qualität: höher ist besser und größer.</translation>
        </message>
        <message>
            <source>PNG compression</source>
            <translation>PNG-Kompression</translation>
        </message>
        <message>
            <source>zlib level: higher is smaller and slower; all are lossless.</source>
            <translation>zlib-Stufe: höher ist kleiner und langsamer; alle sind verlustfrei.</translation>
        </message>
        <message>
            <source>Progressive JPEG</source>
            <translation>Progressives JPEG</translation>
        </message>
        <message>
            <source>Write JPEGs that load coarse-to-fine.</source>
            <translation>JPEGs schreiben, die grob beginnend immer feiner laden.</translation>
        </message>
        <message>
            <source>Chroma subsampling</source>
            <translation>Farbunterabtastung</translation>
        </message>
        <message>
            <source>JPEG colour resolution: 444 keeps fine colour detail (red text, fabric), 420 is smallest and what most cameras write.</source>
            <translation>Farbauflösung von JPEG: 4:4:4 erhält feine Farbdetails (roter Text, Stoffe), 4:2:0 ist am kleinsten und das, was die meisten Kameras schreiben.</translation>
        </message>
        <message>
            <source>Lossless WebP</source>
            <translation>Verlustfreies WebP</translation>
        </message>
        <message>
            <source>Write WebP without any loss; quality is then ignored.</source>
            <translation>WebP ohne jeden Verlust schreiben; die Qualität wird dann ignoriert.</translation>
        </message>
        <message>
            <source>TIFF compression</source>
            <translation>TIFF-Kompression</translation>
        </message>
        <message>
            <source>All are lossless; deflate is usually smallest, none is read by every program.</source>
            <translation>Alle sind verlustfrei; Deflate ist meist am kleinsten, ohne Kompression liest jedes Programm.</translation>
        </message>
        <message>
            <source>Background</source>
            <translation>Hintergrund</translation>
        </message>
        <message>
            <source>Colour that transparent parts are laid on for JPEG and BMP, which cannot store transparency.</source>
            <translation>Farbe, auf die transparente Teile für JPEG und BMP gelegt werden, die keine Transparenz speichern können.</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>Metadaten</translation>
        </message>
        <message>
            <source>EXIF, XMP, IPTC and colour profile of the input: keep them, strip them (a non-sRGB colour profile stays, or the colours would change), or keep all but the GPS position.</source>
            <translation>EXIF, XMP, IPTC und Farbprofil der Eingabe: behalten, entfernen (ein Nicht-sRGB-Farbprofil bleibt, sonst würden sich die Farben ändern) oder alles außer der GPS-Position behalten.</translation>
        </message>
        <message>
            <source>Maximum file size</source>
            <translation>Maximale Dateigröße</translation>
        </message>
        <message>
            <source>JPEG and WebP: lower the quality as little as needed for the file to fit; 0 for no limit.</source>
            <translation>JPEG und WebP: die Qualität so wenig wie nötig senken, damit die Datei passt; 0 für keine Grenze.</translation>
        </message>
        <message>
            <source>max-bytes %1: a size limit works only for jpeg and webp output, not %2</source>
            <translation>max-bytes %1: eine Größengrenze gilt nur für JPEG- und WebP-Ausgabe, nicht für %2</translation>
        </message>
        <message>
            <source>max-bytes %1: a size limit needs lossy output; remove lossless=true</source>
            <translation>max-bytes %1: eine Größengrenze braucht verlustbehaftete Ausgabe; lossless=true entfernen</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Gamma</name>
        <message>
            <source>Gamma</source>
            <translation>Gamma</translation>
        </message>
        <message>
            <source>Brightens (gamma above 1) or darkens (below 1) the mid-tones with a power curve.</source>
            <translation>Hellt die Mitteltöne mit einer Potenzkurve auf (Gamma über 1) oder dunkelt sie ab (unter 1).</translation>
        </message>
        <message>
            <source>Output = input^(1/gamma): 1 changes nothing, 2.2 brightens the mid-tones strongly, 0.5 darkens them.</source>
            <translation>Ausgabe = Eingabe^(1/Gamma): 1 ändert nichts, 2,2 hellt die Mitteltöne stark auf, 0,5 dunkelt sie ab.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Grayscale</name>
        <message>
            <source>Grayscale</source>
            <translation>Graustufen</translation>
        </message>
        <message>
            <source>Converts the image to shades of gray.</source>
            <translation>Wandelt das Bild in Graustufen um.</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>luminance keeps the perceived lightness of every colour (BT.709, the L* of Lab); average is the plain mean of red, green and blue.</source>
            <translation>Luminanz erhält die wahrgenommene Helligkeit jeder Farbe (BT.709, das L* von Lab); Durchschnitt ist der einfache Mittelwert von Rot, Grün und Blau.</translation>
        </message>
        <message>
            <source>Keep channels</source>
            <translation>Kanäle behalten</translation>
        </message>
        <message>
            <source>Write three equal colour channels instead of one gray channel (images with transparency always keep theirs).</source>
            <translation>Drei gleiche Farbkanäle statt eines Graukanals schreiben (Bilder mit Transparenz behalten ihre immer).</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Invert</name>
        <message>
            <source>Invert</source>
            <translation>Invertieren</translation>
        </message>
        <message>
            <source>Turns the image into its negative; transparency is kept.</source>
            <translation>Macht aus dem Bild sein Negativ; die Transparenz bleibt erhalten.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::RedEyeRemoval</name>
        <message>
            <source>Red-eye removal</source>
            <translation>Rote-Augen-Korrektur</translation>
        </message>
        <message>
            <source>Turns flash-red pupils into natural dark ones, found automatically or inside eye rectangles you give.</source>
            <translation>Macht blitzrote Pupillen natürlich dunkel, automatisch gefunden oder innerhalb von Augenrechtecken, die Sie angeben.</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <source>auto finds faces and eyes (or, in close-ups, round red pupils) by itself; manual corrects only inside the eyes you give.</source>
            <translation>Automatisch findet Gesichter und Augen (oder bei Nahaufnahmen runde rote Pupillen) selbst; manuell korrigiert nur in den angegebenen Augen.</translation>
        </message>
        <message>
            <source>Eyes</source>
            <translation>Augen</translation>
        </message>
        <message>
            <source>Manual mode: one rectangle WxH+X+Y around each eye, in pixels of the upright image.</source>
            <translation>Manueller Modus: je ein Rechteck BxH+X+Y um jedes Auge, in Pixeln des aufgerichteten Bildes.</translation>
        </message>
        <message>
            <source>Eye centres</source>
            <translation>Augenmittelpunkte</translation>
        </message>
        <message>
            <source>Manual mode, instead of or besides rectangles: pupil centres X:Y separated by spaces, each searched within &apos;radius&apos;.</source>
            <translation>Manueller Modus, statt oder neben Rechtecken: Pupillenmittelpunkte X:Y durch Leerzeichen getrennt, jeweils innerhalb von „radius“ gesucht.</translation>
        </message>
        <message>
            <source>Radius</source>
            <translation>Radius</translation>
        </message>
        <message>
            <source>Manual mode: how far from each centre in &apos;points&apos; to look for the red pupil.</source>
            <translation>Manueller Modus: wie weit um jeden Mittelpunkt in „points“ nach der roten Pupille gesucht wird.</translation>
        </message>
        <message>
            <source>parameter &apos;points&apos;: &apos;%1&apos; is not a list of X:Y points (example: 120:85 240:88)</source>
            <translation>Parameter „points“: „%1“ ist keine Liste von Punkten X:Y (Beispiel: 120:85 240:88)</translation>
        </message>
        <message>
            <source>mode=manual needs the eyes: set &apos;eyes&apos; (WxH+X+Y rectangles) or &apos;points&apos; (X:Y centres)</source>
            <translation>mode=manual braucht die Augen: „eyes“ (Rechtecke BxH+X+Y) oder „points“ (Mittelpunkte X:Y) setzen</translation>
        </message>
        <message>
            <source>&apos;eyes&apos; and &apos;points&apos; are used only with mode=manual; set mode=manual or leave them out</source>
            <translation>„eyes“ und „points“ werden nur mit mode=manual verwendet; mode=manual setzen oder sie weglassen</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Resize</name>
        <message>
            <source>Resize</source>
            <translation>Größe ändern</translation>
        </message>
        <message>
            <source>Scales the image to a box, a long edge or a percentage of its size.</source>
            <translation>Skaliert das Bild auf einen Rahmen, eine lange Kante oder einen Prozentsatz seiner Größe.</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Breite</translation>
        </message>
        <message>
            <source>Target width; 0 keeps the aspect ratio.</source>
            <translation>Zielbreite; 0 behält das Seitenverhältnis.</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Höhe</translation>
        </message>
        <message>
            <source>Target height; 0 keeps the aspect ratio.</source>
            <translation>Zielhöhe; 0 behält das Seitenverhältnis.</translation>
        </message>
        <message>
            <source>Long edge</source>
            <translation>Lange Kante</translation>
        </message>
        <message>
            <source>Length of the longer side, whichever it is; 0 for unused.</source>
            <translation>Länge der längeren Seite, welche es auch ist; 0 für unbenutzt.</translation>
        </message>
        <message>
            <source>Percent</source>
            <translation>Prozent</translation>
        </message>
        <message>
            <source>Scale factor in percent; 0 for unused.</source>
            <translation>Skalierungsfaktor in Prozent; 0 für unbenutzt.</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassung</translation>
        </message>
        <message>
            <source>With width and height: fit inside the box, cover it and crop the overflow at the centre, or stretch to it exactly.</source>
            <translation>Mit Breite und Höhe: in den Rahmen einpassen, ihn ausfüllen und den Überstand mittig abschneiden oder exakt darauf strecken.</translation>
        </message>
        <message>
            <source>Enlarge</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <source>Allow making images larger than they are.</source>
            <translation>Erlaubt, Bilder größer zu machen, als sie sind.</translation>
        </message>
        <message>
            <source>no size given: set width and/or height, or long-edge, or percent</source>
            <translation>keine Größe angegeben: width und/oder height, long-edge oder percent setzen</translation>
        </message>
        <message>
            <source>give only one way of sizing: width and/or height, or long-edge, or percent</source>
            <translation>nur eine Art der Größenangabe verwenden: width und/oder height, long-edge oder percent</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Rotate</name>
        <message>
            <source>Rotate</source>
            <translation>Drehen</translation>
        </message>
        <message>
            <source>Rotates clockwise: right angles exactly, pixel for pixel; other angles onto a background colour or cropped to the largest rectangle without background.</source>
            <translation>Dreht im Uhrzeigersinn: rechte Winkel exakt, Pixel für Pixel; andere Winkel auf eine Hintergrundfarbe oder auf das größte Rechteck ohne Hintergrund zugeschnitten.</translation>
        </message>
        <message>
            <source>Angle</source>
            <translation>Winkel</translation>
        </message>
        <message>
            <source>Clockwise rotation in degrees; negative turns counter-clockwise. 90, 180 and 270 move pixels without resampling.</source>
            <translation>Drehung im Uhrzeigersinn in Grad; negativ dreht gegen den Uhrzeigersinn. 90, 180 und 270 verschieben Pixel ohne Neuabtastung.</translation>
        </message>
        <message>
            <source>Background</source>
            <translation>Hintergrund</translation>
        </message>
        <message>
            <source>Colour of the corners uncovered by an angle that is not a right angle; transparent adds an alpha channel.</source>
            <translation>Farbe der Ecken, die ein nicht rechter Winkel freilegt; transparent fügt einen Alphakanal hinzu.</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassung</translation>
        </message>
        <message>
            <source>For angles that are not right angles: enlarge the canvas to hold the whole rotated image, keep the original size, or crop to the largest rectangle without background.</source>
            <translation>Für nicht rechte Winkel: die Arbeitsfläche erweitern, damit das ganze gedrehte Bild Platz hat, die Originalgröße behalten oder auf das größte Rechteck ohne Hintergrund zuschneiden.</translation>
        </message>
        <message>
            <source>Interpolation</source>
            <translation>Interpolation</translation>
        </message>
        <message>
            <source>Resampling for angles that are not right angles: bicubic, or Lanczos (sharper, more ringing at hard edges).</source>
            <translation>Neuabtastung für nicht rechte Winkel: bikubisch oder Lanczos (schärfer, mehr Überschwinger an harten Kanten).</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Saturation</name>
        <message>
            <source>Saturation</source>
            <translation>Sättigung</translation>
        </message>
        <message>
            <source>Makes colours more vivid or more muted without changing lightness.</source>
            <translation>Macht Farben kräftiger oder gedämpfter, ohne die Helligkeit zu ändern.</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>Change of chroma in percent: -100 removes all colour, 100 doubles it.</source>
            <translation>Änderung der Buntheit in Prozent: −100 entfernt alle Farbe, 100 verdoppelt sie.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Sepia</name>
        <message>
            <source>Sepia</source>
            <translation>Sepia</translation>
        </message>
        <message>
            <source>Gives the image the warm brown tone of an old sepia print.</source>
            <translation>Gibt dem Bild den warmen Braunton eines alten Sepiaabzugs.</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>0 keeps the original colours, 1 is a full sepia tone.</source>
            <translation>0 behält die Originalfarben, 1 ist ein voller Sepiaton.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Sharpen</name>
        <message>
            <source>Sharpen</source>
            <translation>Schärfen</translation>
        </message>
        <message>
            <source>Makes edges crisper with an unsharp mask applied to lightness.</source>
            <translation>Macht Kanten knackiger mit einer Unscharfmaskierung der Helligkeit.</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>How much of the edge contrast is added: 0.5 is subtle, 1 clear, above 2 strong.</source>
            <translation>Wie viel Kantenkontrast hinzugefügt wird: 0,5 ist dezent, 1 deutlich, über 2 stark.</translation>
        </message>
        <message>
            <source>Radius</source>
            <translation>Radius</translation>
        </message>
        <message>
            <source>Size of the details sharpened (the blur&apos;s standard deviation): 0.5 to 2 px for fine detail, larger for local contrast.</source>
            <translation>Größe der geschärften Details (die Standardabweichung der Weichzeichnung): 0,5 bis 2 px für feine Details, größer für lokalen Kontrast.</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Schwellenwert</translation>
        </message>
        <message>
            <source>Differences smaller than this (0..255 levels) are left alone, to keep noise and skin texture from being sharpened.</source>
            <translation>Unterschiede unter diesem Wert (Stufen von 0..255) bleiben unverändert, damit Rauschen und Hautstruktur nicht geschärft werden.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::TeethWhitening</name>
        <message>
            <source>Teeth whitening</source>
            <translation>Zähne aufhellen</translation>
        </message>
        <message>
            <source>Makes teeth whiter and brighter in smiling faces, found automatically or inside mouth rectangles you give.</source>
            <translation>Macht Zähne in lächelnden Gesichtern weißer und heller, automatisch gefunden oder innerhalb von Mundrechtecken, die Sie angeben.</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>0 changes nothing; 1 removes most of the yellow and brightens the teeth by a third of their distance to white.</source>
            <translation>0 ändert nichts; 1 entfernt den Großteil des Gelbstichs und hellt die Zähne um ein Drittel ihres Abstands zu Weiß auf.</translation>
        </message>
        <message>
            <source>Mouths</source>
            <translation>Münder</translation>
        </message>
        <message>
            <source>Optional: rectangles WxH+X+Y around the mouths, in pixels of the upright image; without them faces and smiles are found automatically.</source>
            <translation>Optional: Rechtecke BxH+X+Y um die Münder, in Pixeln des aufgerichteten Bildes; ohne sie werden Gesichter und Lächeln automatisch gefunden.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Thumbnail</name>
        <message>
            <source>Thumbnail</source>
            <translation>Miniaturbild</translation>
        </message>
        <message>
            <source>Makes a small preview that fits a box, optionally cropped to a square.</source>
            <translation>Erstellt eine kleine Vorschau, die in einen Rahmen passt, wahlweise quadratisch zugeschnitten.</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Width and height of the box the thumbnail fits.</source>
            <translation>Breite und Höhe des Rahmens, in den das Miniaturbild passt.</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Breite</translation>
        </message>
        <message>
            <source>Box width; 0 uses size.</source>
            <translation>Rahmenbreite; 0 verwendet die Größe.</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Höhe</translation>
        </message>
        <message>
            <source>Box height; 0 uses size.</source>
            <translation>Rahmenhöhe; 0 verwendet die Größe.</translation>
        </message>
        <message>
            <source>Square</source>
            <translation>Quadratisch</translation>
        </message>
        <message>
            <source>Crop the centre to a square before scaling.</source>
            <translation>Vor dem Skalieren die Mitte quadratisch zuschneiden.</translation>
        </message>
        <message>
            <source>Enlarge</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <source>Allow making images smaller than the box larger.</source>
            <translation>Erlaubt, Bilder, die kleiner als der Rahmen sind, zu vergrößern.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Trim</name>
        <message>
            <source>Trim</source>
            <translation>Ränder beschneiden</translation>
        </message>
        <message>
            <source>Cuts away uniform borders around the picture; an image that is all border is left as it is.</source>
            <translation>Schneidet gleichförmige Ränder um das Bild ab; ein Bild, das nur aus Rand besteht, bleibt unverändert.</translation>
        </message>
        <message>
            <source>Tolerance</source>
            <translation>Toleranz</translation>
        </message>
        <message>
            <source>How far (0..255, in any channel) a pixel may be from the border colour and still count as border. Raise it to about 25 for frames saved as JPEG; high values cut into flat skies and dark edges.</source>
            <translation>Wie weit (0..255, in irgendeinem Kanal) ein Pixel von der Randfarbe abweichen darf und noch als Rand zählt. Für als JPEG gespeicherte Rahmen auf etwa 25 erhöhen; hohe Werte schneiden in flache Himmel und dunkle Ränder.</translation>
        </message>
        <message>
            <source>Border colour</source>
            <translation>Randfarbe</translation>
        </message>
        <message>
            <source>The colour to cut away (#rrggbb, a name, or transparent); empty or auto takes the colour most corners share (the top-left pixel&apos;s when no two agree).</source>
            <translation>Die abzuschneidende Farbe (#rrggbb, ein Name oder transparent); leer oder auto nimmt die Farbe, die die meisten Ecken gemeinsam haben (die des Pixels oben links, wenn keine zwei übereinstimmen).</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>Rand</translation>
        </message>
        <message>
            <source>Pixels of border to keep around the picture.</source>
            <translation>Pixel Rand, die um das Bild erhalten bleiben.</translation>
        </message>
        <message>
            <source>parameter &apos;color&apos;: &apos;%1&apos; is not a colour (allowed: empty or auto to detect it from the corners, #rrggbb, #rrggbbaa or a colour name)</source>
            <translation>Parameter „color“: „%1“ ist keine Farbe (erlaubt: leer oder auto, um sie an den Ecken zu erkennen, #rrggbb, #rrggbbaa oder ein Farbname)</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::WatermarkImage</name>
        <message>
            <source>image: the watermark file %1 does not exist</source>
            <translation>image: die Wasserzeichendatei %1 existiert nicht</translation>
        </message>
        <message>
            <source>image: cannot use the watermark: %1</source>
            <translation>image: das Wasserzeichen kann nicht verwendet werden: %1</translation>
        </message>
        <message>
            <source>Image watermark</source>
            <translation>Bild-Wasserzeichen</translation>
        </message>
        <message>
            <source>Lays a logo (a PNG with transparency) over the photo, in a corner or tiled over all of it.</source>
            <translation>Legt ein Logo (ein PNG mit Transparenz) über das Foto, in eine Ecke oder gekachelt über das ganze Bild.</translation>
        </message>
        <message>
            <source>Watermark image</source>
            <translation>Wasserzeichenbild</translation>
        </message>
        <message>
            <source>The logo to lay over the photo: a PNG with transparency, or any image.</source>
            <translation>Das Logo, das über das Foto gelegt wird: ein PNG mit Transparenz oder ein beliebiges Bild.</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>Skalierung</translation>
        </message>
        <message>
            <source>Width of the watermark as a percentage of the photo&apos;s width.</source>
            <translation>Breite des Wasserzeichens in Prozent der Fotobreite.</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>Deckkraft</translation>
        </message>
        <message>
            <source>0 is invisible, 1 as opaque as the logo itself.</source>
            <translation>0 ist unsichtbar, 1 so deckend wie das Logo selbst.</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Where the watermark goes: a corner, an edge or the centre.</source>
            <translation>Wohin das Wasserzeichen kommt: eine Ecke, ein Rand oder die Mitte.</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>Abstand</translation>
        </message>
        <message>
            <source>Distance from the edges as a percentage of the photo&apos;s shorter side; with tiled, the gap between copies (at least half the watermark&apos;s height).</source>
            <translation>Abstand zu den Rändern in Prozent der kürzeren Fotoseite; gekachelt der Abstand zwischen den Kopien (mindestens die halbe Höhe des Wasserzeichens).</translation>
        </message>
        <message>
            <source>Tiled</source>
            <translation>Gekachelt</translation>
        </message>
        <message>
            <source>Repeat the watermark over the whole photo in staggered rows.</source>
            <translation>Das Wasserzeichen in versetzten Reihen über das ganze Foto wiederholen.</translation>
        </message>
        <message>
            <source>image: no watermark file given</source>
            <translation>image: keine Wasserzeichendatei angegeben</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::WatermarkText</name>
        <message>
            <source>Text watermark</source>
            <translation>Text-Wasserzeichen</translation>
        </message>
        <message>
            <source>Writes text such as a copyright notice over the photo, in a corner or tiled over all of it.</source>
            <translation>Schreibt Text wie einen Copyright-Vermerk über das Foto, in eine Ecke oder gekachelt über das ganze Bild.</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>What to write; \n starts a new line.</source>
            <translation>Was geschrieben wird; \n beginnt eine neue Zeile.</translation>
        </message>
        <message>
            <source>Font</source>
            <translation>Schrift</translation>
        </message>
        <message>
            <source>Font family, optionally with a style (&quot;DejaVu Sans Bold&quot;), or the path of a .ttf/.otf file.</source>
            <translation>Schriftfamilie, wahlweise mit Schnitt („DejaVu Sans Bold“), oder der Pfad einer .ttf/.otf-Datei.</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Height of the letters as a percentage of the photo&apos;s shorter side.</source>
            <translation>Höhe der Buchstaben in Prozent der kürzeren Fotoseite.</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>Colour of the text.</source>
            <translation>Farbe des Textes.</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>Deckkraft</translation>
        </message>
        <message>
            <source>0 is invisible, 1 fully opaque.</source>
            <translation>0 ist unsichtbar, 1 voll deckend.</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Where the text goes: a corner, an edge or the centre.</source>
            <translation>Wohin der Text kommt: eine Ecke, ein Rand oder die Mitte.</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>Abstand</translation>
        </message>
        <message>
            <source>Distance from the edges as a percentage of the photo&apos;s shorter side; with tiled, the gap between copies (at least the text&apos;s height).</source>
            <translation>Abstand zu den Rändern in Prozent der kürzeren Fotoseite; gekachelt der Abstand zwischen den Kopien (mindestens die Texthöhe).</translation>
        </message>
        <message>
            <source>Tiled</source>
            <translation>Gekachelt</translation>
        </message>
        <message>
            <source>Repeat the text over the whole photo in staggered rows, which follow the angle.</source>
            <translation>Den Text in versetzten Reihen, die dem Winkel folgen, über das ganze Foto wiederholen.</translation>
        </message>
        <message>
            <source>Shadow</source>
            <translation>Schatten</translation>
        </message>
        <message>
            <source>Strength of a soft dark shadow under the text, which keeps light text readable on light parts of the photo; 0 for none.</source>
            <translation>Stärke eines weichen dunklen Schattens unter dem Text, der hellen Text auf hellen Bildteilen lesbar hält; 0 für keinen.</translation>
        </message>
        <message>
            <source>Angle</source>
            <translation>Winkel</translation>
        </message>
        <message>
            <source>Counter-clockwise rotation of the text; 30 to 45 suits tiled watermarks.</source>
            <translation>Drehung des Textes gegen den Uhrzeigersinn; 30 bis 45 passt zu gekachelten Wasserzeichen.</translation>
        </message>
        <message>
            <source>text: nothing to write; give the watermark text</source>
            <translation>text: nichts zu schreiben; den Wasserzeichentext angeben</translation>
        </message>
        <message>
            <source>font: give a font family (for example DejaVu Sans) or a font file</source>
            <translation>font: eine Schriftfamilie (zum Beispiel DejaVu Sans) oder eine Schriftdatei angeben</translation>
        </message>
        <message>
            <source>font &apos;%1&apos; not found (looked for a font file of that name or family in %2)</source>
            <translation>Schrift „%1“ nicht gefunden (gesucht wurde eine Schriftdatei oder Familie dieses Namens in %2)</translation>
        </message>
        <message>
            <source>font &apos;%1&apos;: cannot load the font file %2</source>
            <translation>Schrift „%1“: die Schriftdatei %2 kann nicht geladen werden</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::WhiteBalance</name>
        <message>
            <source>White balance</source>
            <translation>Weißabgleich</translation>
        </message>
        <message>
            <source>Removes a colour cast so that neutral tones look neutral.</source>
            <translation>Entfernt einen Farbstich, damit neutrale Töne neutral aussehen.</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>gray-world makes the average colour neutral; auto estimates the light source with OpenCV&apos;s learning-based model.</source>
            <translation>Graue Welt macht die Durchschnittsfarbe neutral; automatisch schätzt die Lichtquelle mit dem lernbasierten Modell von OpenCV.</translation>
        </message>
        <message>
            <source>Saturation threshold</source>
            <translation>Sättigungsschwelle</translation>
        </message>
        <message>
            <source>gray-world only: pixels more saturated than this (0..1) are left out of the average.</source>
            <translation>Nur Graue Welt: Pixel, die stärker gesättigt sind (0..1), bleiben beim Durchschnitt außen vor.</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::colorize</name>
        <message>
            <source>cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>not a NumPy .npy file (it does not start with \x93NUMPY)</source>
            <translation>keine NumPy-.npy-Datei (sie beginnt nicht mit \x93NUMPY)</translation>
        </message>
        <message>
            <source>the .npy header is truncated</source>
            <translation>der .npy-Header ist abgeschnitten</translation>
        </message>
        <message>
            <source>unsupported .npy format version %1</source>
            <translation>nicht unterstützte .npy-Formatversion %1</translation>
        </message>
        <message>
            <source>the .npy header is malformed (expected &apos;descr&apos;, &apos;fortran_order&apos; and &apos;shape&apos;): %1</source>
            <translation>der .npy-Header ist fehlerhaft („descr“, „fortran_order“ und „shape“ erwartet): %1</translation>
        </message>
        <message>
            <source>unsupported .npy element type &apos;%1&apos; (little-endian float32, float64, int32 or int64 expected)</source>
            <translation>nicht unterstützter .npy-Elementtyp „%1“ (Little-Endian float32, float64, int32 oder int64 erwartet)</translation>
        </message>
        <message>
            <source>the .npy shape (%1) is not a valid size</source>
            <translation>die .npy-Form (%1) ist keine gültige Größe</translation>
        </message>
        <message>
            <source>the .npy data holds %1 bytes, but shape (%2) of &apos;%3&apos; needs %4</source>
            <translation>die .npy-Daten umfassen %1 Byte, die Form (%2) von „%3“ braucht aber %4</translation>
        </message>
        <message>
            <source>the .npy data holds a value that is not a finite number</source>
            <translation>die .npy-Daten enthalten einen Wert, der keine endliche Zahl ist</translation>
        </message>
        <message>
            <source>the colorization model (Zhang et al. 2016) is not installed: the folder %1 has no %2; set model-dir or PIXQUEUE_COLORIZE_MODEL_DIR to the folder holding these files</source>
            <translation>das Kolorierungsmodell (Zhang et al. 2016) ist nicht installiert: im Ordner %1 fehlt %2; model-dir oder PIXQUEUE_COLORIZE_MODEL_DIR auf den Ordner mit diesen Dateien setzen</translation>
        </message>
        <message>
            <source>the colorization model (Zhang et al. 2016) is incomplete: the folder %1 has no %2; set model-dir or PIXQUEUE_COLORIZE_MODEL_DIR to a folder holding all of %3</source>
            <translation>das Kolorierungsmodell (Zhang et al. 2016) ist unvollständig: im Ordner %1 fehlt %2; model-dir oder PIXQUEUE_COLORIZE_MODEL_DIR auf einen Ordner setzen, der alle von %3 enthält</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1 holds an array of shape (%2); the 313 ab cluster centres, shape (313, 2), are expected</source>
            <translation>%1 enthält ein Array der Form (%2); erwartet werden die 313 ab-Clusterzentren, Form (313, 2)</translation>
        </message>
        <message>
            <source>cannot load the colorization model from %1 (%2, %3): %4</source>
            <translation>das Kolorierungsmodell kann nicht aus %1 geladen werden (%2, %3): %4</translation>
        </message>
        <message>
            <source>%1 is not the Zhang et al. colorization network: it has no layer &apos;%2&apos;</source>
            <translation>%1 ist nicht das Kolorierungsnetz von Zhang et al.: es hat keine Schicht „%2“</translation>
        </message>
        <message>
            <source>the reference photo %1 does not exist</source>
            <translation>das Referenzfoto %1 existiert nicht</translation>
        </message>
        <message>
            <source>cannot read the reference photo %1: %2</source>
            <translation>das Referenzfoto %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>the reference photo %1 has no colour to transfer (mean chroma %2)</source>
            <translation>das Referenzfoto %1 hat keine Farbe, die übertragen werden könnte (mittlere Buntheit %2)</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::geometry</name>
        <message>
            <source>the result would be %1x%2 pixels, more than PixQueue handles (65535 pixels a side, 268 megapixels)</source>
            <translation>das Ergebnis hätte %1×%2 Pixel, mehr als PixQueue verarbeitet (65535 Pixel je Seite, 268 Megapixel)</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::retouch</name>
        <message>
            <source>the OpenCV cascade file %1 was not found in %2; install OpenCV&apos;s data files (Debian/Ubuntu package opencv-data) or set PIXQUEUE_CASCADE_DIR to the folder that holds it</source>
            <translation>die OpenCV-Kaskadendatei %1 wurde in %2 nicht gefunden; die Datendateien von OpenCV installieren (Debian/Ubuntu-Paket opencv-data) oder PIXQUEUE_CASCADE_DIR auf den Ordner setzen, der sie enthält</translation>
        </message>
        <message>
            <source>the OpenCV cascade file %1 could not be read; reinstall OpenCV&apos;s data files (Debian/Ubuntu package opencv-data)</source>
            <translation>die OpenCV-Kaskadendatei %1 kann nicht gelesen werden; die Datendateien von OpenCV neu installieren (Debian/Ubuntu-Paket opencv-data)</translation>
        </message>
    </context>
    <context>
        <name>pq::preview</name>
        <message>
            <source>cannot scale %1 down for the preview: %2</source>
            <translation>%1 kann für die Vorschau nicht verkleinert werden: %2</translation>
        </message>
        <message>
            <source>%1: &apos;%2&apos; is %3 px, which is %4 px at the preview&apos;s scale; the preview uses %5 px, so this step is only approximate.</source>
            <translation>%1: „%2“ ist %3 px, das sind %4 px im Maßstab der Vorschau; die Vorschau verwendet %5 px, dieser Schritt ist also nur annähernd.</translation>
        </message>
        <message>
            <source>%1 could not be read</source>
            <translation>%1 konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>Step %1: unknown operation &apos;%2&apos;, skipped.</source>
            <translation>Schritt %1: unbekannte Operation „%2“, übersprungen.</translation>
        </message>
        <message>
            <source>Step %1 (%2) is not run in the preview.</source>
            <translation>Schritt %1 (%2) wird in der Vorschau nicht ausgeführt.</translation>
        </message>
        <message>
            <source>Step %1 (%2) is skipped: %3</source>
            <translation>Schritt %1 (%2) wird übersprungen: %3</translation>
        </message>
        <message>
            <source>Step %1 (%2) failed: %3</source>
            <translation>Schritt %1 (%2) ist fehlgeschlagen: %3</translation>
        </message>
        <message>
            <source>The preview failed: %1</source>
            <translation>Die Vorschau ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>The preview failed: out of memory</source>
            <translation>Die Vorschau ist fehlgeschlagen: Speicher erschöpft</translation>
        </message>
    </context>
    <context>
        <name>pq::remote</name>
        <message>
            <source>CMQ %1 failed: %2 (code %3)</source>
            <translation>CMQ %1 fehlgeschlagen: %2 (Code %3)</translation>
        </message>
        <message>
            <source>CMQ %1: unexpected answer from the server: %2</source>
            <translation>CMQ %1: unerwartete Antwort vom Server: %2</translation>
        </message>
        <message>
            <source>%1: the keychain did not answer</source>
            <translation>%1: der Schlüsselbund hat nicht geantwortet</translation>
        </message>
        <message>
            <source>%1: %2 (keychain error %3)</source>
            <translation>%1: %2 (Schlüsselbundfehler %3)</translation>
        </message>
        <message>
            <source>%1 is not a valid http(s) address</source>
            <translation>%1 ist keine gültige http(s)-Adresse</translation>
        </message>
        <message>
            <source>refusing plain http to %1: use https (http is allowed only for loopback addresses such as 127.0.0.1)</source>
            <translation>unverschlüsseltes http zu %1 wird verweigert: bitte https verwenden (http ist nur für Loopback-Adressen wie 127.0.0.1 erlaubt)</translation>
        </message>
        <message>
            <source>no answer from %1 within %2 s</source>
            <translation>keine Antwort von %1 innerhalb von %2 s</translation>
        </message>
        <message>
            <source>%1 failed: %2</source>
            <translation>%1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not an absolute URL</source>
            <translation>„%1“ ist keine absolute URL</translation>
        </message>
        <message>
            <source>the URL carries a user name or password</source>
            <translation>die URL enthält einen Benutzernamen oder ein Passwort</translation>
        </message>
        <message>
            <source>the URL %1 does not point at the configured storage %2</source>
            <translation>die URL %1 zeigt nicht auf den eingerichteten Speicher %2</translation>
        </message>
        <message>
            <source>the request has %1 bytes, more than the limit of %2</source>
            <translation>die Anfrage hat %1 Byte, mehr als die Grenze von %2</translation>
        </message>
        <message>
            <source>the request is not a JSON object</source>
            <translation>die Anfrage ist kein JSON-Objekt</translation>
        </message>
        <message>
            <source>the message is not a PixQueue offload request</source>
            <translation>die Nachricht ist keine Auslagerungsanfrage von PixQueue</translation>
        </message>
        <message>
            <source>unsupported request version %1 (this worker reads version %2)</source>
            <translation>nicht unterstützte Version %1 der Anfrage (dieser Arbeiter liest Version %2)</translation>
        </message>
        <message>
            <source>the request has no valid job id</source>
            <translation>die Anfrage hat keine gültige Auftrags-ID</translation>
        </message>
        <message>
            <source>the request&apos;s origin is missing or longer than %1 characters</source>
            <translation>die Herkunft („origin“) der Anfrage fehlt oder ist länger als %1 Zeichen</translation>
        </message>
        <message>
            <source>the request has no recipe</source>
            <translation>die Anfrage enthält kein Rezept</translation>
        </message>
        <message>
            <source>the recipe has more than %1 steps</source>
            <translation>das Rezept hat mehr als %1 Schritte</translation>
        </message>
        <message>
            <source>the recipe is invalid: %1</source>
            <translation>das Rezept ist ungültig: %1</translation>
        </message>
        <message>
            <source>the request&apos;s %1 URL is missing or too long</source>
            <translation>die %1-URL der Anfrage fehlt oder ist zu lang</translation>
        </message>
        <message>
            <source>%1 URL refused: %2</source>
            <translation>%1-URL abgelehnt: %2</translation>
        </message>
        <message>
            <source>the request&apos;s output content type is missing or invalid</source>
            <translation>der Inhaltstyp der Ausgabe fehlt in der Anfrage oder ist ungültig</translation>
        </message>
        <message>
            <source>the request&apos;s output suffix is missing or invalid</source>
            <translation>die Dateiendung der Ausgabe fehlt in der Anfrage oder ist ungültig</translation>
        </message>
        <message>
            <source>the response is larger than %1 bytes</source>
            <translation>die Antwort ist größer als %1 Byte</translation>
        </message>
        <message>
            <source>the response is not a JSON object</source>
            <translation>die Antwort ist kein JSON-Objekt</translation>
        </message>
        <message>
            <source>the message is not a PixQueue offload response</source>
            <translation>die Nachricht ist keine Auslagerungsantwort von PixQueue</translation>
        </message>
        <message>
            <source>unsupported response version</source>
            <translation>nicht unterstützte Version der Antwort</translation>
        </message>
        <message>
            <source>the response has no valid job id</source>
            <translation>die Antwort hat keine gültige Auftrags-ID</translation>
        </message>
        <message>
            <source>the response&apos;s status &apos;%1&apos; is not done, failed or retrying</source>
            <translation>der Status „%1“ der Antwort ist weder done noch failed noch retrying</translation>
        </message>
        <message>
            <source>%1 &apos;%2&apos; is not a URL</source>
            <translation>%1 „%2“ ist keine URL</translation>
        </message>
        <message>
            <source>%1 must use https (plain http is allowed only for 127.0.0.1/localhost)</source>
            <translation>%1 muss https verwenden (unverschlüsseltes http ist nur für 127.0.0.1/localhost erlaubt)</translation>
        </message>
        <message>
            <source>✗ %1: %2</source>
            <translation>✗ %1: %2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>✓ %1</source>
            <translation>✓ %1</translation>
        </message>
        <message>
            <source>settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>credentials</source>
            <translation>Zugangsdaten</translation>
        </message>
        <message>
            <source>no access key id or secret is stored</source>
            <translation>Zugriffsschlüssel-ID oder geheimer Schlüssel nicht gespeichert</translation>
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
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>sending a probe message</source>
            <translation>Testnachricht senden</translation>
        </message>
        <message>
            <source>receiving the probe message</source>
            <translation>Testnachricht empfangen</translation>
        </message>
        <message>
            <source>the message sent did not come back within 20 s</source>
            <translation>die gesendete Nachricht kam nicht innerhalb von 20 s zurück</translation>
        </message>
        <message>
            <source>probe message sent and received</source>
            <translation>Testnachricht gesendet und empfangen</translation>
        </message>
        <message>
            <source>writing to bucket %1</source>
            <translation>in Bucket %1 schreiben</translation>
        </message>
        <message>
            <source>reading from bucket %1</source>
            <translation>aus Bucket %1 lesen</translation>
        </message>
        <message>
            <source>the object read differs from the one written</source>
            <translation>das gelesene Objekt weicht vom geschriebenen ab</translation>
        </message>
        <message>
            <source>deleting from bucket %1</source>
            <translation>aus Bucket %1 löschen</translation>
        </message>
        <message>
            <source>bucket %1 writable, readable and deletable</source>
            <translation>Bucket %1 beschreibbar, lesbar und löschbar</translation>
        </message>
        <message>
            <source>%1: the storage answered HTTP %2</source>
            <translation>%1: der Speicher antwortete mit HTTP %2</translation>
        </message>
        <message>
            <source>HTTP status %1</source>
            <translation>HTTP-Status %1</translation>
        </message>
        <message>
            <source>SQS %1 failed: %2 (%3)</source>
            <translation>SQS %1 fehlgeschlagen: %2 (%3)</translation>
        </message>
        <message>
            <source>SQS %1: unexpected answer from the server: %2</source>
            <translation>SQS %1: unerwartete Antwort vom Server: %2</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::CmqQueue</name>
        <message>
            <source>CMQ %1</source>
            <translation>CMQ %1</translation>
        </message>
        <message>
            <source>CMQ %1: no secret id and secret key are configured</source>
            <translation>CMQ %1: weder SecretId noch SecretKey eingerichtet</translation>
        </message>
        <message>
            <source>no msgId</source>
            <translation>msgId fehlt</translation>
        </message>
        <message>
            <source>CMQ cannot extend a message&apos;s visibility timeout</source>
            <translation>CMQ kann das Sichtbarkeits-Timeout einer Nachricht nicht verlängern</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::CredentialStore</name>
        <message>
            <source>cannot save the %1 credentials in the keychain</source>
            <translation>die Zugangsdaten für %1 können nicht im Schlüsselbund gespeichert werden</translation>
        </message>
        <message>
            <source>cannot read the %1 credentials from the keychain</source>
            <translation>die Zugangsdaten für %1 können nicht aus dem Schlüsselbund gelesen werden</translation>
        </message>
        <message>
            <source>no %1 credentials are saved in the keychain</source>
            <translation>im Schlüsselbund sind keine Zugangsdaten für %1 gespeichert</translation>
        </message>
        <message>
            <source>the %1 credentials in the keychain are incomplete; save them again</source>
            <translation>die Zugangsdaten für %1 im Schlüsselbund sind unvollständig; bitte erneut speichern</translation>
        </message>
        <message>
            <source>cannot delete the %1 credentials from the keychain</source>
            <translation>die Zugangsdaten für %1 können nicht aus dem Schlüsselbund gelöscht werden</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::ObjectStore</name>
        <message>
            <source>%1: no access key id and secret are configured</source>
            <translation>%1: weder Zugriffsschlüssel-ID noch geheimer Schlüssel eingerichtet</translation>
        </message>
        <message>
            <source>HTTP status %1</source>
            <translation>HTTP-Status %1</translation>
        </message>
        <message>
            <source>%1 failed: %2 (%3)</source>
            <translation>%1 fehlgeschlagen: %2 (%3)</translation>
        </message>
        <message>
            <source>S3 CreateBucket %1</source>
            <translation>S3 CreateBucket %1</translation>
        </message>
        <message>
            <source>S3 PutObject %1/%2</source>
            <translation>S3 PutObject %1/%2</translation>
        </message>
        <message>
            <source>S3 GetObject %1/%2</source>
            <translation>S3 GetObject %1/%2</translation>
        </message>
        <message>
            <source>S3 HeadObject %1/%2</source>
            <translation>S3 HeadObject %1/%2</translation>
        </message>
        <message>
            <source>S3 DeleteObject %1/%2</source>
            <translation>S3 DeleteObject %1/%2</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::OffloadBridge</name>
        <message>
            <source>waiting for the offload service: %1</source>
            <translation>wartet auf den Auslagerungsdienst: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>cannot read the input %1</source>
            <translation>die Eingabe %1 kann nicht gelesen werden</translation>
        </message>
        <message>
            <source>checking the bucket</source>
            <translation>Prüfen des Buckets</translation>
        </message>
        <message>
            <source>cannot read the input %1: %2</source>
            <translation>die Eingabe %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>uploading the input</source>
            <translation>Hochladen der Eingabe</translation>
        </message>
        <message>
            <source>the request would be larger than the queue&apos;s limit of %1 bytes</source>
            <translation>die Anfrage wäre größer als die Grenze der Warteschlange von %1 Byte</translation>
        </message>
        <message>
            <source>sending the request</source>
            <translation>Senden der Anfrage</translation>
        </message>
        <message>
            <source>receiving answers: %1</source>
            <translation>Empfang der Antworten: %1</translation>
        </message>
        <message>
            <source>cannot delete an answer: %1</source>
            <translation>eine Antwort kann nicht gelöscht werden: %1</translation>
        </message>
        <message>
            <source>dropping a message that is not an answer: %1</source>
            <translation>eine Nachricht, die keine Antwort ist, wird verworfen: %1</translation>
        </message>
        <message>
            <source>a remote worker</source>
            <translation>ein entfernter Arbeiter</translation>
        </message>
        <message>
            <source>%1 could not finish it and will retry: %2</source>
            <translation>%1 konnte ihn nicht abschließen und versucht es erneut: %2</translation>
        </message>
        <message>
            <source>remote worker %1: %2</source>
            <translation>entfernter Arbeiter %1: %2</translation>
        </message>
        <message>
            <source>cannot download the output of %1: %2</source>
            <translation>die Ausgabe von %1 kann nicht heruntergeladen werden: %2</translation>
        </message>
        <message numerus="yes">
            <source>no answer from the remote workers within %n minute(s).</source>
            <translation>
                <numerusform>innerhalb von %n Minute keine Antwort von den entfernten Arbeitern.</numerusform>
                <numerusform>innerhalb von %n Minuten keine Antwort von den entfernten Arbeitern.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the request reached the dead-letter queue after %n receive(s) without an answer: the remote workers could not process it.</source>
            <translation>
                <numerusform>die Anfrage ist nach %n Empfang ohne Antwort in der Dead-Letter-Warteschlange gelandet: die entfernten Arbeiter konnten sie nicht verarbeiten.</numerusform>
                <numerusform>die Anfrage ist nach %n Empfängen ohne Antwort in der Dead-Letter-Warteschlange gelandet: die entfernten Arbeiter konnten sie nicht verarbeiten.</numerusform>
            </translation>
        </message>
        <message>
            <source>Last error: %1</source>
            <translation>Letzter Fehler: %1</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::OffloadCredentials</name>
        <message>
            <source>set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY</source>
            <translation>TENCENTCLOUD_SECRET_ID und TENCENTCLOUD_SECRET_KEY setzen</translation>
        </message>
        <message>
            <source>set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)</source>
            <translation>AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY setzen (für temporäre Zugangsdaten auch AWS_SESSION_TOKEN)</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::OffloadSettings</name>
        <message>
            <source>the provider must be sqs or cmq, not &apos;%1&apos;</source>
            <translation>der Anbieter muss sqs oder cmq sein, nicht „%1“</translation>
        </message>
        <message>
            <source>the region is missing</source>
            <translation>die Region fehlt</translation>
        </message>
        <message>
            <source>the CMQ endpoint is missing (copy it from the TDMQ console)</source>
            <translation>der CMQ-Endpunkt fehlt (aus der TDMQ-Konsole kopieren)</translation>
        </message>
        <message>
            <source>the queue endpoint</source>
            <translation>der Endpunkt der Warteschlangen</translation>
        </message>
        <message>
            <source>the request and response queues are required</source>
            <translation>Anfrage- und Antwort-Warteschlange sind erforderlich</translation>
        </message>
        <message>
            <source>the request and response queues must differ</source>
            <translation>Anfrage- und Antwort-Warteschlange müssen verschieden sein</translation>
        </message>
        <message>
            <source>the bucket is missing</source>
            <translation>der Bucket fehlt</translation>
        </message>
        <message>
            <source>the storage endpoint is missing</source>
            <translation>der Endpunkt des Speichers fehlt</translation>
        </message>
        <message>
            <source>the storage endpoint</source>
            <translation>der Endpunkt des Speichers</translation>
        </message>
        <message numerus="yes">
            <source>%1 %2 reachable (%n message(s) waiting)</source>
            <translation>
                <numerusform>%1 %2 erreichbar (%n Nachricht wartet)</numerusform>
                <numerusform>%1 %2 erreichbar (%n Nachrichten warten)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pq::remote::RemoteWorker</name>
        <message>
            <source>cannot receive requests: %1</source>
            <translation>Anfragen können nicht empfangen werden: %1</translation>
        </message>
        <message>
            <source>cannot send the response: %1</source>
            <translation>die Antwort kann nicht gesendet werden: %1</translation>
        </message>
        <message>
            <source>job %1: cannot delete the request: %2</source>
            <translation>Auftrag %1: die Anfrage kann nicht gelöscht werden: %2</translation>
        </message>
        <message>
            <source>dropping a message that names no job: %1</source>
            <translation>eine Nachricht, die keinen Auftrag nennt, wird verworfen: %1</translation>
        </message>
        <message>
            <source>cannot delete the message: %1</source>
            <translation>die Nachricht kann nicht gelöscht werden: %1</translation>
        </message>
        <message>
            <source>invalid request: %1</source>
            <translation>ungültige Anfrage: %1</translation>
        </message>
        <message>
            <source>cannot create a temporary folder: %1</source>
            <translation>ein temporärer Ordner kann nicht angelegt werden: %1</translation>
        </message>
        <message>
            <source>downloading the input</source>
            <translation>Herunterladen der Eingabe</translation>
        </message>
        <message>
            <source>the input has %1 bytes, more than the limit of %2</source>
            <translation>die Eingabe hat %1 Byte, mehr als die Grenze von %2</translation>
        </message>
        <message>
            <source>the worker is stopping</source>
            <translation>der Arbeiter wird beendet</translation>
        </message>
        <message>
            <source>cannot write the input to %1: %2</source>
            <translation>die Eingabe kann nicht nach %1 geschrieben werden: %2</translation>
        </message>
        <message>
            <source>cannot read the output: %1</source>
            <translation>die Ausgabe kann nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>uploading the output</source>
            <translation>Hochladen der Ausgabe</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::SqsQueue</name>
        <message>
            <source>SQS %1</source>
            <translation>SQS %1</translation>
        </message>
        <message>
            <source>SQS %1: no access key id and secret are configured</source>
            <translation>SQS %1: weder Zugriffsschlüssel-ID noch geheimer Schlüssel eingerichtet</translation>
        </message>
        <message>
            <source>no QueueArn</source>
            <translation>QueueArn fehlt</translation>
        </message>
        <message>
            <source>no QueueUrl</source>
            <translation>QueueUrl fehlt</translation>
        </message>
        <message>
            <source>the message body&apos;s MD5 differs</source>
            <translation>die MD5-Prüfsumme des Nachrichteninhalts stimmt nicht überein</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::VisibilityHeartbeat</name>
        <message>
            <source>cannot extend a message&apos;s visibility: %1</source>
            <translation>die Sichtbarkeit einer Nachricht kann nicht verlängert werden: %1</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::cmqanswers</name>
        <message>
            <source>CMQ %1 failed: HTTP status %2</source>
            <translation>CMQ %1 fehlgeschlagen: HTTP-Status %2</translation>
        </message>
        <message>
            <source>wrong msgList size</source>
            <translation>falsche Größe von msgList</translation>
        </message>
        <message>
            <source>no activeMsgNum</source>
            <translation>activeMsgNum fehlt</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::sqsanswers</name>
        <message>
            <source>the message body&apos;s MD5 differs</source>
            <translation>die MD5-Prüfsumme des Nachrichteninhalts stimmt nicht überein</translation>
        </message>
        <message>
            <source>SQS %1 failed for entry %2: %3 (%4)</source>
            <translation>SQS %1 für Eintrag %2 fehlgeschlagen: %3 (%4)</translation>
        </message>
        <message>
            <source>no ApproximateNumberOfMessages</source>
            <translation>ApproximateNumberOfMessages fehlt</translation>
        </message>
    </context>
</TS>
