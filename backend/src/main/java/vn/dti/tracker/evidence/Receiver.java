package vn.dti.tracker.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * two threads at once: one hashes it, the other gathers chunks into megabyte blocks and writes them, so
 * that receiving, hashing and writing overlap. The connection is paused while more than the receive window
 * (a few megabytes) waits for either, and resumed at a quarter of it, so memory stays flat whatever the size,
 * and the event loop does nothing but receive.
 *
 * <p>When the received file is what the store keeps (the local store renames it into place and forces it
 * to disk), the writer asks the kernel to write it out every few megabytes while more arrives, so the
 * final fsync waits only for the last few instead of the whole file.
 */
final class Receiver {

    private static final Buffer END = Buffer.buffer(0);
    private static final int BLOCK = 1024 * 1024;
    private static final long FLUSH_EVERY = 16L * 1024 * 1024;
    /** Hashing, writing and write-out threads, made as uploads need them and reused; idle ones end after a minute. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "evidence-receiver");
        t.setDaemon(true);
        return t;
    });

    private final HttpServerRequest request;
    private final Context context;
    private final Path file;
    private final long max;
    private final long pauseAbove;
    private final long resumeBelow;
    private final boolean flushAhead;
    private final MessageDigest digest;
    /** The chunks each of the two consumers has still to take, and their bytes. */
    private final Lane hashing = new Lane();
    private final Lane writing = new Lane();
    /** Changed on the event loop only. */
    private volatile boolean paused;
    private volatile boolean failed;
    private volatile Throwable failure;
    private long size;

    private Receiver(Vertx vertx, HttpServerRequest request, Path file, long max, long window, boolean flushAhead)
            throws NoSuchAlgorithmException {
        this.request = request;
        this.context = vertx.getOrCreateContext();
        this.file = file;
        this.max = max;
        this.pauseAbove = Math.max(window, 64 * 1024);
        this.resumeBelow = pauseAbove / 4;
        this.flushAhead = flushAhead;
        this.digest = MessageDigest.getInstance("SHA-256");
    }

    /**
     * @param window bytes that may wait to be hashed or written before the connection is paused
     * @param flushAhead the store keeps this very file: write it straight to disk (or out to disk while receiving)
     */
    static Uni<Hashing.Measured> receive(Vertx vertx, HttpServerRequest request, Path file, long max, long window, boolean flushAhead) {
        request.pause();
        try {
            Receiver receiver = new Receiver(vertx, request, file, max, window, flushAhead);
            return Uni.createFrom().<Hashing.Measured>emitter(receiver::start);
        } catch (NoSuchAlgorithmException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** One consumer's queue of chunks, with the bytes in it. */
    private static final class Lane {
        final LinkedBlockingQueue<Buffer> queue = new LinkedBlockingQueue<>();
        final AtomicLong bytes = new AtomicLong();

        long add(Buffer chunk) {
            queue.add(chunk);
            return bytes.addAndGet(chunk.length());
        }
    }

    private void start(UniEmitter<? super Hashing.Measured> emitter) {
        Output output;
        try {
            output = Output.open(file, flushAhead);
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
            long waiting = Math.max(hashing.add(chunk), writing.add(chunk));
            if (waiting > pauseAbove && !paused) {
                paused = true;
                request.pause();
                // The consumers may have emptied both lanes before they could see the pause: then nothing would resume.
                resumeIfDrained();
            }
        });
        request.exceptionHandler(this::fail);
        request.endHandler(v -> {
            hashing.queue.add(END);
            writing.queue.add(END);
        });
        CompletableFuture<String> hash = CompletableFuture.supplyAsync(this::hash, WORKERS);
        CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> write(output), WORKERS);
        // Whatever ends one consumer unexpectedly ends the other too, instead of leaving it waiting for chunks.
        hash.whenComplete((v, e) -> failOn(e));
        written.whenComplete((v, e) -> failOn(e));
        hash.thenCombine(written, (sha256, bytes) -> new Hashing.Measured(sha256, bytes)).whenComplete((measured, error) -> {
            if (failed) {
                emitter.fail(failure);
            } else if (error != null) {
                emitter.fail(error instanceof java.util.concurrent.CompletionException ? error.getCause() : error);
            } else {
                emitter.complete(measured);
            }
        });
        request.resume();
    }

    private void fail(Throwable e) {
        if (!failed) {
            failure = e;
            failed = true;
            hashing.queue.add(END);
            writing.queue.add(END);
        }
    }

    /** Takes the lane's next chunk; null at the end or after a failure. */
    private Buffer next(Lane lane) {
        try {
            Buffer chunk = lane.queue.take();
            return chunk == END || failed ? null : chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
            return null;
        }
    }

    /** A consumer is done with a chunk: the connection resumes once both lanes are nearly empty. */
    private void done(Lane lane, Buffer chunk) {
        if (lane.bytes.addAndGet(-chunk.length()) < resumeBelow && paused) {
            context.runOnContext(v -> resumeIfDrained());
        }
    }

    /** On the event loop: resumes a paused connection when both lanes are nearly empty. */
    private void resumeIfDrained() {
        if (paused && hashing.bytes.get() < resumeBelow && writing.bytes.get() < resumeBelow) {
            paused = false;
            request.resume();
        }
    }

    private void failOn(Throwable e) {
        if (e != null) {
            fail(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private String hash() {
        for (Buffer chunk; (chunk = next(hashing)) != null;) {
            digest.update(chunk.getByteBuf().nioBuffer());
            done(hashing, chunk);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Chunks are gathered into one direct buffer and written a megabyte at a time, not a syscall per chunk. */
    private long write(Output output) {
        long total = 0;
        try (output) {
            ByteBuffer block = output.block;
            for (Buffer chunk; (chunk = next(writing)) != null;) {
                ByteBuffer bytes = chunk.getByteBuf().nioBuffer();
                total += bytes.remaining();
                while (bytes.hasRemaining()) {
                    int n = Math.min(bytes.remaining(), block.remaining());
                    block.put(bytes.slice(bytes.position(), n));
                    bytes.position(bytes.position() + n);
                    if (!block.hasRemaining()) {
                        output.writeBlock();
                    }
                }
                done(writing, chunk);
            }
            output.finish(total);
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            fail(e);
        }
        return total;
    }

    /**
     * Where the writer puts the blocks. A file the store keeps is written straight to the disk (O_DIRECT) where
     * the filesystem allows it: the processor does not copy it once more into the page cache, and the store's
     * final fsync finds little left to write. Otherwise (a temporary file, or a filesystem without direct
     * input/output) it goes through the page cache, written out every few megabytes if the store keeps it.
     */
    private static final class Output implements AutoCloseable {
        final FileChannel channel;
        final ByteBuffer block;
        private final int alignment;
        private final Flusher flusher;

        private Output(FileChannel channel, ByteBuffer block, int alignment, Flusher flusher) {
            this.channel = channel;
            this.block = block;
            this.alignment = alignment;
            this.flusher = flusher;
        }

        /** The disk block size of each directory uploads are received in, read once (it asks the mount table). */
        private static final java.util.Map<Path, Integer> BLOCK_SIZES = new java.util.concurrent.ConcurrentHashMap<>();

        private static int blockSize(Path directory) {
            try {
                return Math.toIntExact(java.nio.file.Files.getFileStore(directory).getBlockSize());
            } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
                return 0;
            }
        }

        static Output open(Path file, boolean kept) throws IOException {
            if (kept) {
                try {
                    int alignment = BLOCK_SIZES.computeIfAbsent(file.getParent(), Output::blockSize);
                    if (alignment > 0 && BLOCK % alignment == 0) {
                        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING, com.sun.nio.file.ExtendedOpenOption.DIRECT);
                        ByteBuffer aligned = ByteBuffer.allocateDirect(BLOCK + alignment).alignedSlice(alignment).limit(BLOCK).slice();
                        return new Output(channel, aligned, alignment, null);
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // No direct input/output here (tmpfs, some network filesystems): the page cache it is.
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new Output(channel, ByteBuffer.allocateDirect(BLOCK), 0, kept ? new Flusher(channel) : null);
        }

        void writeBlock() throws IOException {
            drain();
            if (flusher != null) {
                flusher.written(BLOCK);
            }
        }

        /** Writes what is left. Direct writes are whole disk blocks: the last one is padded, then the file cut to its size. */
        void finish(long size) throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
            if (alignment > 0 && block.position() % alignment != 0) {
                block.limit(Math.min(block.capacity(), (block.position() / alignment + 1) * alignment));
                block.position(block.limit());
                drain();
                channel.truncate(size);
            } else {
                drain();
            }
            if (flusher != null) {
                flusher.await();
            }
        }

        private void drain() throws IOException {
            block.flip();
            while (block.hasRemaining()) {
                channel.write(block);
            }
            block.clear();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Starts a write-out of what was written so far, at most one at a time, on another thread. */
    private static final class Flusher {
        private final FileChannel channel;
        private long unflushed;
        private Future<?> running;

        Flusher(FileChannel channel) {
            this.channel = channel;
        }

        void written(long bytes) {
            unflushed += bytes;
            if (unflushed >= FLUSH_EVERY && (running == null || running.isDone())) {
                unflushed = 0;
                running = WORKERS.submit(() -> {
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
