package org.secplane.config.internal;

import java.util.List;

/** Junos-style message fragments. */
final class Messages {

    private Messages() {
    }

    /** {@code [edit security ike] } for an error at that level. */
    static String at(List<String> path) {
        return banner(path) + " ";
    }

    static String banner(List<String> path) {
        StringBuilder text = new StringBuilder("[edit");
        for (String word : path) {
            text.append(' ').append(org.secplane.config.Words.quote(word));
        }
        return text.append(']').toString();
    }
}
