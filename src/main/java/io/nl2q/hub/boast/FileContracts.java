package io.nl2q.hub.boast;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Every file contract of the folder {@code hub.boast.contracts-dir}, read once at start. */
@Component
public class FileContracts {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final List<FileContract> contracts;

    @Autowired
    FileContracts(BoastProperties properties) {
        this(read(properties.contractsDir()));
    }

    FileContracts(List<FileContract> contracts) {
        this.contracts = List.copyOf(contracts);
    }

    /** The contract whose file pattern matches {@code fileName}, if any. */
    public Optional<FileContract> forFile(String fileName) {
        return contracts.stream().filter(c -> c.matches(fileName)).findFirst();
    }

    public List<FileContract> all() {
        return contracts;
    }

    static List<FileContract> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no BOAST contract folder " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            var read = new ArrayList<FileContract>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    read.add(YAML.readValue(file.toFile(), FileContract.class));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException("BOAST contract " + file + " is invalid: " + e.getMessage(), e);
                }
            }
            return List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
