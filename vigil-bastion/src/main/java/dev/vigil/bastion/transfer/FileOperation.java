package dev.vigil.bastion.transfer;

/** What happened to a file on the target through a file-transfer channel. */
public enum FileOperation {
    UPLOAD("upload"), DOWNLOAD("download"), REMOVE("remove"), RENAME("rename"), MKDIR("mkdir"), RMDIR("rmdir"), SYMLINK("symlink");

    private final String label;

    FileOperation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
