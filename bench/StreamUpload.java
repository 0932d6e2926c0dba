import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The benchmark's upload client: sends each file as the body of one HTTP/1.1 POST straight from the page
 * cache to the socket (FileChannel.transferTo, no copy through the client), so that what is measured
 * is the server's receiving, not the client's sending. The files are sent one after another from one
 * JVM, so that the client, like the server, runs warm code for the later ones. For each file it prints
 * "seconds status" (from opening the connection to the end of the answer) and writes the answer's body
 * to {@code <response dir>/<file name>.json}.
 *
 * Usage: java StreamUpload.java <url> <bearer token> <response dir> <file>...
 * The file's name is appended to the url, which should end with "fileName=".
 */
public class StreamUpload {

    public static void main(String[] args) throws Exception {
        for (int i = 3; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String fileName = file.getFileName().toString();
            upload(URI.create(args[0] + fileName), args[1], file, Path.of(args[2], fileName + ".json"));
        }
    }

    private static void upload(URI url, String token, Path file, Path answer) throws Exception {
        long started = System.nanoTime();
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
                FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            String head = "POST " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()) + " HTTP/1.1\r\n"
                    + "Host: " + url.getHost() + ":" + url.getPort() + "\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n";
            ByteBuffer headBytes = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
            while (headBytes.hasRemaining()) {
                socket.write(headBytes);
            }
            for (long sent = 0; sent < size;) {
                sent += in.transferTo(sent, size - sent, socket);
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (socket.read(buffer) >= 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String text = response.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String status = text.isEmpty() ? "0" : text.substring(9, 12);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (text.substring(0, Math.max(split, 0)).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            java.nio.file.Files.writeString(answer, body);
            System.out.printf(java.util.Locale.ROOT, "%.3f %s%n", seconds, status);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
