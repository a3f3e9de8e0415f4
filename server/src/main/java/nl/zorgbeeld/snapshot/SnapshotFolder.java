package nl.zorgbeeld.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshots on disk. A file is written under a temporary name beside its target and then moved
 * into place in one step, so whoever reads the folder (when the service is down) never finds a
 * half-written ZIP; per incident only the newest {@code keep} stay.
 */
final class SnapshotFolder {
    private SnapshotFolder() {}

    /** Writes {@code snapshot} to {@code target} atomically. */
    static void write(SnapshotService service, Snapshot snapshot, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                service.write(snapshot, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Into {@code folder}/incident-{id}/, then removes all but the newest {@code keep} there; returns the file. */
    static Path store(SnapshotService service, Snapshot snapshot, Path folder, int keep) throws IOException {
        Path dir = folder.resolve("incident-" + snapshot.incident().id());
        Path target = dir.resolve(SnapshotService.fileName(snapshot));
        write(service, snapshot, target);
        String prefix = "momentopname-incident-" + snapshot.incident().id() + "-";
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            // The names end in a sortable time stamp: newest last.
            all = files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".zip"))
                    .sorted().toList();
        }
        for (int i = 0; i < all.size() - keep; i++) Files.deleteIfExists(all.get(i));
        return target;
    }
}
