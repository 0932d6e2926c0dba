package vn.dti.tracker.database;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of one PostgreSQL cluster, found from its data directory: the postmaster named in
 * {@code postmaster.pid}, and every server process whose working directory is the data directory (PostgreSQL's
 * processes change into it). A postmaster killed on its own can leave backends attached to its shared memory, and
 * a new postmaster refuses to start until they are gone; these are found the same way.
 */
final class ClusterProcesses {

    private static final Path PROC = Path.of("/proc");

    private ClusterProcesses() {
    }

    /** The live postmaster of the cluster in {@code dataDirectory}, if its pid file names one that is ours. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> belongsTo(p, dataDirectory));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // A pid file cut off by a crash names nothing; PostgreSQL itself replaces it.
            return Optional.empty();
        }
    }

    /** Every live process working in {@code dataDirectory}: the postmaster and its children, orphaned or not. */
    static List<ProcessHandle> all(Path dataDirectory) {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            postmaster(dataDirectory).ifPresent(found::add);
            return found;
        }
        Path real = realPath(dataDirectory);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid == ProcessHandle.current().pid()) {
                    continue;
                }
                if (real.equals(workingDirectory(pid)) && isPostgres(pid)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            postmaster(dataDirectory).ifPresent(found::add);
        }
        return found;
    }

    private static boolean belongsTo(ProcessHandle process, Path dataDirectory) {
        if (!Files.isDirectory(PROC)) {
            return process.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(false);
        }
        return realPath(dataDirectory).equals(workingDirectory(process.pid())) && isPostgres(process.pid());
    }

    private static boolean isPostgres(long pid) {
        try {
            Path exe = Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("exe"));
            return exe.getFileName() != null && exe.getFileName().toString().startsWith("postgres");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path workingDirectory(long pid) {
        try {
            return Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
