package dev.vigil.server.approval;

import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** A unified diff of two definition texts, as reviewers read it in a {@link ChangeDraft}'s diff. */
public final class TextDiff {

    private TextDiff() {
    }

    public static String unified(String before, String after, String name) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(before.isEmpty() ? "/dev/null" : "a/" + name,
                after.isEmpty() ? "/dev/null" : "b/" + name, a, patch, 3);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
