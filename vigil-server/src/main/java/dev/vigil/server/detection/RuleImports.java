package dev.vigil.server.detection;

import java.util.List;

import dev.vigil.server.detection.internal.RuleArchiveReader;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;

/** Unpacks an uploaded rule file or archive and imports its documents. */
@Service
public class RuleImports {

    private final RuleService rules;

    RuleImports(RuleService rules) {
        this.rules = rules;
    }

    public ImportReport importUpload(String fileName, byte[] upload, boolean enable) {
        if (upload == null || upload.length == 0) {
            throw ProblemException.badRequest("invalid-upload", "the upload is empty");
        }
        List<RuleFile> files = RuleArchiveReader.read(fileName, upload);
        if (files.isEmpty()) {
            throw ProblemException.badRequest("invalid-upload", (fileName == null ? "the upload" : fileName)
                    + " holds no .yml or .yaml file");
        }
        return rules.importFiles(files, fileName == null ? "upload" : fileName, enable);
    }
}
