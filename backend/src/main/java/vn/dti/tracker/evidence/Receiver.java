package vn.dti.tracker.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Receives a request body straight from the connection into a file. The event loop hands each chunk to
 * one writer thread, which hashes it and gathers chunks into megabyte blocks to write. The connection
 * is paused while more than a few megabytes wait, so memory stays flat whatever the size, and the
 * event loop does nothing but receive.
 *
 * <p>When the received file is what the store keeps (the local store renames it into place and forces it
 * to disk), the writer asks the kernel to write it out every few megabytes while more arrives, so the
 * final fsync waits only for the last few instead of the whole file.
 */
final class Receiver {

    private static final long PAUSE_ABOVE = 8L * 1024 * 1024;
    private static final long RESUME_BELOW = 2L * 1024 * 1024;
    private static final Buffer END = Buffer.buffer(0);
    private static final int BLOCK = 1024 * 1024;
    private static final long FLUSH_EVERY = 16L * 1024 * 1024;
    /** Writer threads, made as uploads need them and reused; idle ones end after a minute. */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "evidence-writer");
        t.setDaemon(true);
        return t;
    });

    private final HttpServerRequest request;
    private final Context context;
    private final Path file;
    private final long max;
    private final boolean flushAhead;
    private final MessageDigest digest;
    private final LinkedBlockingQueue<Buffer> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean failed;
    private long size;

    private Receiver(Vertx vertx, HttpServerRequest request, Path file, long max, boolean flushAhead) throws NoSuchAlgorithmException {
        this.request = request;
        this.context = vertx.getOrCreateContext();
        this.file = file;
        this.max = max;
        this.flushAhead = flushAhead;
        this.digest = MessageDigest.getInstance("SHA-256");
    }

    /**
     * @param flushAhead write the file out to disk while receiving, for a store that keeps this very file
     */
    static Uni<Hashing.Measured> receive(Vertx vertx, HttpServerRequest request, Path file, long max, boolean flushAhead) {
        request.pause();
        try {
            Receiver receiver = new Receiver(vertx, request, file, max, flushAhead);
            return Uni.createFrom().<Hashing.Measured>emitter(receiver::start);
        } catch (NoSuchAlgorithmException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private void start(UniEmitter<? super Hashing.Measured> emitter) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            emitter.fail(e);
            return;
        }
        request.handler(chunk -> {
            if (failed) {
                return;
            }
            size += chunk.length();
            if (size > max) {
                fail(new Hashing.TooLarge());
                return;
            }
            if (queued.addAndGet(chunk.length()) > PAUSE_ABOVE && !paused) {
                paused = true;
                request.pause();
            }
            queue.add(chunk);
        });
        request.exceptionHandler(this::fail);
        request.endHandler(v -> queue.add(END));
        WRITERS.execute(() -> write(channel, emitter));
        request.resume();
    }

    private Throwable failure;

    private void fail(Throwable e) {
        if (!failed) {
            failure = e;
            failed = true;
            queue.add(END);
        }
    }

    /** Chunks are gathered into one direct buffer and written a megabyte at a time, not a syscall per chunk. */
    private void write(FileChannel channel, UniEmitter<? super Hashing.Measured> emitter) {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        Flusher flusher = new Flusher(channel);
        try (channel) {
            while (true) {
                Buffer chunk = queue.take();
                if (chunk == END || failed) {
                    break;
                }
                ByteBuffer bytes = chunk.getByteBuf().nioBuffer();
                digest.update(bytes.duplicate());
                while (bytes.hasRemaining()) {
                    int n = Math.min(bytes.remaining(), block.remaining());
                    block.put(bytes.slice(bytes.position(), n));
                    bytes.position(bytes.position() + n);
                    if (!block.hasRemaining()) {
                        drain(channel, block);
                        flusher.written(BLOCK);
                    }
                }
                if (queued.addAndGet(-chunk.length()) < RESUME_BELOW && paused) {
                    paused = false;
                    context.runOnContext(v -> request.resume());
                }
            }
            drain(channel, block);
            flusher.await();
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            fail(e);
        }
        if (failed) {
            emitter.fail(failure);
        } else {
            emitter.complete(new Hashing.Measured(HexFormat.of().formatHex(digest.digest()), size));
        }
    }

    private static void drain(FileChannel channel, ByteBuffer block) throws IOException {
        block.flip();
        while (block.hasRemaining()) {
            channel.write(block);
        }
        block.clear();
    }

    /** Starts a write-out of what was written so far, at most one at a time, on another thread. */
    private final class Flusher {
        private final FileChannel channel;
        private long unflushed;
        private java.util.concurrent.Future<?> running;

        Flusher(FileChannel channel) {
            this.channel = channel;
        }

        void written(long bytes) {
            unflushed += bytes;
            if (flushAhead && unflushed >= FLUSH_EVERY && (running == null || running.isDone())) {
                unflushed = 0;
                running = WRITERS.submit(() -> {
                    channel.force(false);
                    return null;
                });
            }
        }

        /** Waits for a write-out still running, before the channel closes under it. */
        void await() throws InterruptedException, java.util.concurrent.ExecutionException {
            if (running != null) {
                running.get();
            }
        }
    }
}
