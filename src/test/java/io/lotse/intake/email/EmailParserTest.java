package io.lotse.intake.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmailParserTest {

    private final EmailParser parser = new EmailParser(MailLimits.defaults());

    /** Test mails are written with LF for readability and sent with CRLF, as on the wire. */
    static byte[] mail(String text) {
        return mail(text, StandardCharsets.UTF_8);
    }

    static byte[] mail(String text, Charset charset) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(charset);
    }

    private ParsedEmail parse(String text) throws UnparseableMailException {
        return parser.parse(mail(text));
    }

    @Test
    void plainMailYieldsSenderRecipientsIdsAndDate() throws Exception {
        ParsedEmail mail = parse("""
                From: "Jana Vogt" <Jana.Vogt@Example-Shop.de>
                To: support@lotse.example, "Ops, Team" <ops@lotse.example>
                Cc: chef@example-shop.de
                Subject: Shop nicht erreichbar
                Date: Tue, 4 Jun 2024 14:52:10 +0200 (CEST)
                Message-ID: <abc.123@mail.example-shop.de>
                In-Reply-To: <first@lotse.example>
                References: <root@lotse.example>
                 <first@lotse.example>
                Return-Path: <jana.vogt@example-shop.de>

                Hallo, unser Shop lädt seit 14:50 nicht mehr.
                """);
        assertEquals("jana.vogt@example-shop.de", mail.fromAddress());
        assertEquals("Jana Vogt", mail.fromName());
        assertEquals(List.of("support@lotse.example", "ops@lotse.example"), mail.to());
        assertEquals(List.of("chef@example-shop.de"), mail.cc());
        assertEquals("Shop nicht erreichbar", mail.subject());
        assertEquals(Optional.of(Instant.parse("2024-06-04T12:52:10Z")), mail.date());
        assertEquals(Optional.of("abc.123@mail.example-shop.de"), mail.messageId());
        assertEquals(List.of("first@lotse.example"), mail.inReplyTo());
        assertEquals(List.of("root@lotse.example", "first@lotse.example"), mail.references());
        assertEquals("<jana.vogt@example-shop.de>", mail.returnPath());
        assertEquals("text/plain", mail.contentType());
        assertEquals("Hallo, unser Shop lädt seit 14:50 nicht mehr.", mail.body());
        assertTrue(mail.attachments().isEmpty());
    }

    @Test
    void headersAreReadableByLowerCaseNameWithDecodedValues() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                X-Custom: =?utf-8?q?gr=C3=BC=C3=9Fe?=
                Received: from one
                Received: from two

                body
                """);
        assertEquals(Optional.of("grüße"), mail.headers().first("x-custom"));
        assertEquals(List.of("from one", "from two"), mail.headers().asMap().get("received"));
        assertTrue(mail.headers().has("RECEIVED"));
    }

    @Test
    void htmlOnlyMailBecomesReadableText() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: text/html; charset=utf-8

                <html><head><title>t</title><style>p { color: red }</style></head>
                <body><script>alert('x')</script><p>Hallo Team,</p>
                <p>der Shop ist <b>down</b>.<br>Seit 14:50.</p>
                <ul><li>Startseite</li><li>Kasse</li></ul>
                <blockquote>Alte Nachricht</blockquote>
                </body></html>
                """);
        assertEquals("""
                Hallo Team,

                der Shop ist down.
                Seit 14:50.

                - Startseite
                - Kasse

                > Alte Nachricht""", mail.body());
    }

    @Test
    void multipartAlternativePrefersPlainText() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/html; charset=utf-8

                <p>HTML version</p>
                --b1
                Content-Type: text/plain; charset=utf-8

                Plain version
                --b1--
                """);
        assertEquals("Plain version", mail.body());
        assertEquals("multipart/alternative", mail.contentType());
        assertTrue(mail.attachments().isEmpty());
    }

    @Test
    void isoLatin1SubjectIsDecodedWithoutMojibake() throws Exception {
        ParsedEmail mail = parse("""
                From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm@example.de>
                Subject: =?iso-8859-1?Q?St=F6rung_im_Rechenzentrum?= =?iso-8859-1?Q?_=E4=F6=FC?=

                x
                """);
        assertEquals("Störung im Rechenzentrum äöü", mail.subject());
        assertEquals("Jürgen Müller", mail.fromName());
    }

    @Test
    void raw8BitUtf8SubjectIsReadAsUtf8() throws Exception {
        ParsedEmail mail = parser.parse(mail("From: a@example.com\nSubject: Grüße aus Köln\n\nx\n", StandardCharsets.UTF_8));
        assertEquals("Grüße aus Köln", mail.subject());
    }

    @Test
    void raw8BitLatin1SubjectFallsBackToWindows1252() throws Exception {
        ParsedEmail mail = parser.parse(mail("From: a@example.com\nSubject: Grüße – Störung\n\nx\n",
                Charset.forName("windows-1252")));
        assertEquals("Grüße – Störung", mail.subject());
    }

    @Test
    void encodedWordSplitInsideAMultiByteCharacterIsJoined() throws Exception {
        // "Störung" in UTF-8 base64, split after the first byte of "ö" across two encoded words.
        ParsedEmail mail = parse("From: a@example.com\nSubject: =?utf-8?B?U3TD?= =?utf-8?B?tnJ1bmc=?=\n\nx\n");
        assertEquals("Störung", mail.subject());
    }

    @Test
    void quotedPrintableLatin1BodyIsDecoded() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Gr=FC=DFe, die Seite l=E4dt nicht. Ein sehr langer Satz, der umbrochen wer=
                den muss.
                """);
        assertEquals("Grüße, die Seite lädt nicht. Ein sehr langer Satz, der umbrochen werden muss.", mail.body());
    }

    @Test
    void base64Utf8BodyIsDecoded() throws Exception {
        String encoded = java.util.Base64.getMimeEncoder().encodeToString("Übertragung läuft – danke!".getBytes(
                StandardCharsets.UTF_8));
        ParsedEmail mail = parse("From: a@example.com\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: base64\n\n" + encoded + "\n");
        assertEquals("Übertragung läuft – danke!", mail.body());
    }

    @Test
    void windows1252AndKoi8rBodiesAreDecoded() throws Exception {
        byte[] head = mail("From: a@example.com\nContent-Type: text/plain; charset=koi8-r\n\n");
        byte[] text = "Сайт не работает".getBytes(Charset.forName("KOI8-R"));
        assertEquals("Сайт не работает", parser.parse(concat(head, text)).body());

        byte[] head1252 = mail("From: a@example.com\nContent-Type: text/plain; charset=windows-1252\n\n");
        byte[] text1252 = "„Fehler“ – 5 €".getBytes(Charset.forName("windows-1252"));
        assertEquals("„Fehler“ – 5 €", parser.parse(concat(head1252, text1252)).body());
    }

    @Test
    void unknownCharsetFallsBackToUtf8OrWindows1252() throws Exception {
        byte[] head = mail("From: a@example.com\nContent-Type: text/plain; charset=x-made-up\n\n");
        assertEquals("Grüße", parser.parse(concat(head, "Grüße".getBytes(StandardCharsets.UTF_8))).body());
        assertEquals("Grüße", parser.parse(concat(head, "Grüße".getBytes(StandardCharsets.ISO_8859_1))).body());
    }

    @Test
    void utf7BodyIsDecoded() throws Exception {
        ParsedEmail mail = parse("From: a@example.com\nContent-Type: text/plain; charset=utf-7\n\nFr+APY-sche 1+-1\n");
        assertEquals("Frösche 1+1", mail.body());
    }

    @Test
    void attachmentsAreListedWithNameTypeAndSize() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain; charset=utf-8

                Siehe Anhang.
                --outer
                Content-Type: application/pdf; name="rechnung.pdf"
                Content-Disposition: attachment; filename="rechnung.pdf"
                Content-Transfer-Encoding: base64

                SGVsbG8gV29ybGQh
                --outer
                Content-Type: text/plain
                Content-Disposition: attachment; filename*=utf-8''Fehlerprotokoll%20M%C3%A4rz.txt

                log line
                --outer
                Content-Type: image/png; name="=?utf-8?Q?Bildschirmfoto_=C3=BC.png?="

                xyz
                --outer--
                """);
        assertEquals("Siehe Anhang.", mail.body());
        assertEquals(List.of(
                new Attachment("rechnung.pdf", "application/pdf", 12),
                new Attachment("Fehlerprotokoll März.txt", "text/plain", 8),
                new Attachment("Bildschirmfoto ü.png", "image/png", 3)), mail.attachments());
    }

    @Test
    void deliveryReportKeepsHumanPartAsBody() throws Exception {
        ParsedEmail mail = parse("""
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                --r
                Content-Type: message/rfc822

                From: support@lotse.example
                Subject: Re: Ihr Ticket

                Original text
                --r--
                """);
        assertEquals("multipart/report", mail.contentType());
        assertEquals("mailer-daemon@mx.example.net", mail.fromAddress());
        assertEquals("Mail Delivery System", mail.fromName());
        assertEquals("Your message could not be delivered.", mail.body());
        assertEquals(List.of("multipart/report", "text/plain", "message/delivery-status", "message/rfc822"),
                mail.partTypes());
        assertEquals(2, mail.attachments().size());
    }

    @Test
    void forwardedMailIsReadBelowTheCustomersWordsAndKeptAsAttachment() throws Exception {
        ParsedEmail mail = parse("""
                From: Jana Vogt <jana@example-shop.de>
                Subject: Fwd: Monitoring-Alarm
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="f"

                --f
                Content-Type: text/plain; charset=UTF-8

                Das kam eben von unserem Monitoring, der Shop ist weg.
                --f
                Content-Type: message/rfc822

                From: Uptime Monitor <alerts@monitor.example>
                Date: Tue, 10 Mar 2026 14:52:00 +0100
                Subject: =?UTF-8?Q?Shop_nicht_erreichbar_=E2=80=93_HTTP_503?=
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                www.example-shop.de antwortet mit 503 seit 14:50. Gepr=FCft von 3 Standorten.
                --f--
                """);
        assertEquals("""
                Das kam eben von unserem Monitoring, der Shop ist weg.

                ---------- Forwarded message ----------
                From: Uptime Monitor <alerts@monitor.example>
                Date: Tue, 10 Mar 2026 14:52:00 +0100
                Subject: Shop nicht erreichbar – HTTP 503

                www.example-shop.de antwortet mit 503 seit 14:50. Geprüft von 3 Standorten.""", mail.body());
        assertEquals(List.of("message/rfc822"), mail.attachments().stream().map(Attachment::mimeType).toList());
        assertEquals("Das kam eben von unserem Monitoring, der Shop ist weg.",
                io.lotse.intake.CustomerWords.newWords(mail.body()));
    }

    @Test
    void rawUtf7SubjectOfAUtf7MailIsDecoded() throws Exception {
        ParsedEmail mail = parse("""
                From: "Heinz M+APw-ller" <mueller@example.com>
                Subject: Die Hasen und die Fr+APY-sche
                Content-Type: text/plain; charset=UTF-7

                Gr+APw-+AN8-e
                """);
        assertEquals("Die Hasen und die Frösche", mail.subject());
        assertEquals("Heinz Müller", mail.fromName());
        assertEquals("Grüße", mail.body());
    }

    @Test
    void mailWithoutUsualHeadersStillParses() throws Exception {
        ParsedEmail mail = parse("X-Nothing: here\n\nJust text\n");
        assertEquals("", mail.fromAddress());
        assertEquals("", mail.fromName());
        assertEquals("", mail.subject());
        assertEquals("", mail.returnPath());
        assertEquals(Optional.empty(), mail.messageId());
        assertEquals(Optional.empty(), mail.date());
        assertEquals("Just text", mail.body());
    }

    @Test
    void unreadableDateIsEmptyNotAnError() throws Exception {
        assertEquals(Optional.empty(), parse("From: a@example.com\nDate: gestern Abend\n\nx\n").date());
    }

    @Test
    void brokenBoundaryStillYieldsText() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="declared"

                --declared
                Content-Type: text/plain

                Text before a boundary that never closes.
                """);
        assertEquals("Text before a boundary that never closes.", mail.body());
    }

    @Test
    void boundaryThatNeverOccursKeepsTextAsBody() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="declared"

                --other
                Content-Type: text/plain

                Text under the wrong boundary.
                """);
        assertTrue(mail.body().contains("Text under the wrong boundary."), mail.body());
    }

    @Test
    void headerlessTextIsReadAsBody() throws Exception {
        ParsedEmail mail = parse("Hallo, ich bin eine Nachricht ohne Kopf.\nZweite Zeile.\n");
        assertEquals("Hallo, ich bin eine Nachricht ohne Kopf.\nZweite Zeile.", mail.body());
        assertTrue(mail.headers().fields().isEmpty());
    }

    @Test
    void mboxSeparatorLineIsSkipped() throws Exception {
        ParsedEmail mail = parse("From jana@example-shop.de Tue Jun  4 14:52:10 2024\nFrom: jana@example-shop.de\n"
                + "Subject: Hallo\n\nText\n");
        assertEquals("jana@example-shop.de", mail.fromAddress());
        assertEquals("Hallo", mail.subject());
    }

    @Test
    void formatFlowedTextIsJoined() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Content-Type: text/plain; charset=utf-8; format=flowed

                Dies ist ein langer Satz, der vom Programm\s
                umbrochen wurde.
                > Zitat, ebenfalls\s
                > umbrochen.
                """);
        assertEquals("Dies ist ein langer Satz, der vom Programm umbrochen wurde.\n> Zitat, ebenfalls umbrochen.",
                mail.body());
    }

    @Test
    void uuencodedFileIsAnAttachmentNotText() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com

                Text davor.

                begin 644 hallo.txt
                %2&%L;&\\`
                `
                end

                Text danach.
                """);
        assertEquals("Text davor.\n\n\nText danach.", mail.body());
        assertEquals(List.of(new Attachment("hallo.txt", "application/octet-stream", 5)), mail.attachments());
    }

    @Test
    void longBodyLinesAreAcceptedOnlyHeaderLinesAreLimited() throws Exception {
        String longLine = "x".repeat(200_000);
        ParsedEmail mail = parse("From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: text/html\n\n<p>" + longLine + "</p>\n--b--\n");
        assertEquals(longLine, mail.body());
        assertEquals(longLine, parse("From: a@example.com\n\n" + longLine + "\n").body());
        assertThrows(UnparseableMailException.class,
                () -> parse("From: a@example.com\nX-Long: " + "y".repeat(20_000) + "\n\nx\n"));
    }

    @Test
    void longTextIsTruncatedWithMarker() throws Exception {
        EmailParser small = new EmailParser(MailLimits.defaults().withMaxTextChars(100));
        ParsedEmail mail = small.parse(mail("From: a@example.com\n\n" + "a".repeat(500) + "\n"));
        assertTrue(mail.bodyTruncated());
        assertTrue(mail.body().startsWith("a".repeat(100) + "\n\n[... text truncated"), mail.body());
        assertFalse(parse("From: a@example.com\n\nshort\n").bodyTruncated());
    }

    @Test
    void emptyInputIsUnparseable() {
        assertThrows(UnparseableMailException.class, () -> parser.parse(new byte[0]));
    }

    @Test
    void binaryGarbageIsUnparseable() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0x89; // no accidental header-like start
        assertThrows(UnparseableMailException.class, () -> parser.parse(garbage));
    }

    @Test
    void mailOverTheSizeLimitIsUnparseable() {
        EmailParser small = new EmailParser(MailLimits.defaults().withMaxMessageBytes(1000));
        assertThrows(UnparseableMailException.class,
                () -> small.parse(mail("From: a@example.com\n\n" + "x".repeat(2000) + "\n")));
    }

    @Test
    void tooManyHeaderFieldsIsUnparseable() {
        EmailParser small = new EmailParser(MailLimits.defaults().withMaxHeaderCount(10));
        assertThrows(UnparseableMailException.class,
                () -> small.parse(mail("From: a@example.com\n" + "X-A: b\n".repeat(20) + "\nx\n")));
    }

    @Test
    void tooManyPartsIsUnparseable() {
        EmailParser small = new EmailParser(MailLimits.defaults().withMaxParts(5));
        StringBuilder text = new StringBuilder("From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 10; i++) {
            text.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        text.append("--b--\n");
        assertThrows(UnparseableMailException.class, () -> small.parse(mail(text.toString())));
    }

    @Test
    void tooDeepNestingIsUnparseable() throws Exception {
        EmailParser small = new EmailParser(MailLimits.defaults().withMaxNestingDepth(3));
        assertThrows(UnparseableMailException.class, () -> small.parse(nested(5)));
        assertEquals("deep text", small.parse(nested(3)).body());
    }

    private static byte[] nested(int depth) {
        StringBuilder text = new StringBuilder("From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n");
        for (int i = 1; i < depth; i++) {
            text.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i)
                    .append("\n\n");
        }
        text.append("--b").append(depth - 1).append("\nContent-Type: text/plain\n\ndeep text\n");
        for (int i = depth - 1; i >= 0; i--) {
            text.append("--b").append(i).append("--\n");
        }
        return mail(text.toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void binaryDataLabelledAsTextIsAnAttachmentNotTheBody() throws Exception {
        // Regression: a PNG sent as text/plain; charset=ISO-8859-1 used to become body text full of U+FFFD.
        byte[] png = new byte[600];
        new Random(7).nextBytes(png);
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[5] = 0;
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(png);
        ParsedEmail mail = parse("""
                From: a@example.com
                Subject: report
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=us-ascii

                See the image.
                --b
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: base64

                """ + base64 + """

                --b--
                """);
        assertEquals("See the image.", mail.body());
        assertEquals(1, mail.attachments().size());
        assertFalse(mail.body().contains("\uFFFD"));
    }

    @Test
    void eucJpLabelledAsIso2022JpIsDecodedWithoutReplacementCharacters() throws Exception {
        // Regression: Japanese carriers send 8-bit EUC-JP labelled with the 7-bit ISO-2022-JP.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mail("""
                From: a@example.jp
                Subject: test
                MIME-Version: 1.0
                Content-Type: text/plain; charset=iso-2022-jp
                Content-Transfer-Encoding: 8bit

                """));
        out.writeBytes("こんにちは、配信できませんでした。".getBytes(Charset.forName("EUC-JP")));
        ParsedEmail mail = parser.parse(out.toByteArray());
        assertEquals("こんにちは、配信できませんでした。", mail.body());
    }

    @Test
    void winmailDatIsUnpackedIntoTheFilesInside() throws Exception {
        String tnef = java.util.Base64.getMimeEncoder().encodeToString(
                tnef("rechnung-maerz.pdf", "%PDF-1.4 fake".getBytes(StandardCharsets.ISO_8859_1)));
        ParsedEmail mail = parse("""
                From: a@example.com
                Subject: Outlook
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=us-ascii

                Siehe Anhang.
                --b
                Content-Type: application/ms-tnef; name="winmail.dat"
                Content-Disposition: attachment; filename="winmail.dat"
                Content-Transfer-Encoding: base64

                """ + tnef + """

                --b--
                """);
        assertEquals("Siehe Anhang.", mail.body());
        assertEquals(List.of(new Attachment("rechnung-maerz.pdf", "application/pdf", 13)), mail.attachments());
    }

    @Test
    void corruptWinmailDatStaysOneAttachment() throws Exception {
        ParsedEmail mail = parse("""
                From: a@example.com
                Subject: Outlook
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=us-ascii

                Siehe Anhang.
                --b
                Content-Type: application/ms-tnef; name="winmail.dat"
                Content-Disposition: attachment; filename="winmail.dat"

                not really tnef
                --b--
                """);
        assertEquals(1, mail.attachments().size());
        assertEquals("winmail.dat", mail.attachments().get(0).filename());
    }

    /** A minimal TNEF stream (signature, version, one attachment), written the way Outlook lays it out. */
    private static byte[] tnef(String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        le(out, 0x223E9F78, 4);
        le(out, 0x0001, 2);
        tnefAttribute(out, 1, 0x00089006, new byte[] {0, 0, 1, 0});
        tnefAttribute(out, 2, 0x00069002, new byte[14]);
        tnefAttribute(out, 2, 0x00018010, (filename + "\0").getBytes(StandardCharsets.ISO_8859_1));
        tnefAttribute(out, 2, 0x0006800F, content);
        return out.toByteArray();
    }

    private static void tnefAttribute(ByteArrayOutputStream out, int level, int idAndType, byte[] data) {
        out.write(level);
        le(out, idAndType, 4);
        le(out, data.length, 4);
        out.writeBytes(data);
        int checksum = 0;
        for (byte b : data) {
            checksum = (checksum + (b & 0xff)) & 0xffff;
        }
        le(out, checksum, 2);
    }

    private static void le(ByteArrayOutputStream out, int value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((value >>> (8 * i)) & 0xff);
        }
    }
}
