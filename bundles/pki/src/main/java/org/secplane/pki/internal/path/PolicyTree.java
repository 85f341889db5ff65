package org.secplane.pki.internal.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 5280 §6.1 valid_policy_tree. Depth 0 holds the root (anyPolicy); the nodes of depth i were
 * created while processing the i-th certificate of the path. Qualifiers are not kept: they do not
 * change the outcome of validation. A {@code null} tree is represented by {@link #isNull()}.
 */
final class PolicyTree {

    static final String ANY = "2.5.29.32.0";

    static final class Node {
        final String validPolicy;
        final Node parent;
        final int depth;
        Set<String> expected;
        final List<Node> children = new ArrayList<>();

        Node(String validPolicy, Node parent, Set<String> expected) {
            this.validPolicy = validPolicy;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.expected = expected;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        boolean isAny() {
            return ANY.equals(validPolicy);
        }
    }

    private Node root = new Node(ANY, null, Set.of(ANY));

    boolean isNull() {
        return root == null;
    }

    void makeNull() {
        root = null;
    }

    List<Node> atDepth(int depth) {
        List<Node> out = new ArrayList<>();
        if (root != null) {
            collect(root, depth, out);
        }
        return out;
    }

    private static void collect(Node node, int depth, List<Node> out) {
        if (node.depth == depth) {
            out.add(node);
            return;
        }
        for (Node child : node.children) {
            collect(child, depth, out);
        }
    }

    /**
     * §6.1.3 (d): the policies of certificate {@code i} (without duplicates; may contain anyPolicy).
     *
     * @param anyPolicyAllowed whether the certificate's anyPolicy is processed (inhibit_anyPolicy &gt; 0, or a
     *                         self-issued intermediate)
     */
    void processCertificatePolicies(int i, List<String> policies, boolean anyPolicyAllowed) {
        if (root == null) {
            return;
        }
        List<Node> parents = atDepth(i - 1);
        for (String policy : policies) {
            if (ANY.equals(policy)) {
                continue;
            }
            boolean matched = false;
            for (Node parent : parents) {
                if (parent.expected.contains(policy)) {
                    new Node(policy, parent, Set.of(policy));
                    matched = true;
                }
            }
            if (!matched) {
                for (Node parent : parents) {
                    if (parent.isAny()) {
                        new Node(policy, parent, Set.of(policy));
                    }
                }
            }
        }
        if (policies.contains(ANY) && anyPolicyAllowed) {
            for (Node parent : parents) {
                for (String value : parent.expected) {
                    boolean present = parent.children.stream().anyMatch(c -> c.validPolicy.equals(value));
                    if (!present) {
                        new Node(value, parent, Set.of(value));
                    }
                }
            }
        }
        prune(i);
    }

    /**
     * §6.1.4 (b): the policy mappings of certificate {@code i} (issuerDomainPolicy to its subjectDomainPolicies),
     * none of them anyPolicy.
     */
    void processMappings(int i, Map<String, Set<String>> mappings, boolean mappingAllowed) {
        if (root == null || mappings.isEmpty()) {
            return;
        }
        if (mappingAllowed) {
            List<Node> nodes = atDepth(i);
            for (Map.Entry<String, Set<String>> mapping : mappings.entrySet()) {
                boolean found = false;
                for (Node node : nodes) {
                    if (node.validPolicy.equals(mapping.getKey())) {
                        node.expected = Set.copyOf(mapping.getValue());
                        found = true;
                    }
                }
                if (!found) {
                    for (Node node : nodes) {
                        if (node.isAny()) {
                            new Node(mapping.getKey(), node.parent, Set.copyOf(mapping.getValue()));
                            break;
                        }
                    }
                }
            }
        } else {
            for (Node node : atDepth(i)) {
                if (mappings.containsKey(node.validPolicy)) {
                    node.parent.children.remove(node);
                }
            }
            prune(i);
        }
    }

    /** Deletes, from depth {@code below - 1} up to the root, every node without children. */
    private void prune(int below) {
        for (int depth = below - 1; depth >= 0 && root != null; depth--) {
            for (Node node : atDepth(depth)) {
                if (node.children.isEmpty()) {
                    if (node.parent == null) {
                        root = null;
                    } else {
                        node.parent.children.remove(node);
                    }
                }
            }
        }
    }

    /**
     * §6.1.5 (g): intersects the tree (of depth {@code n}) with the user-initial-policy-set, and returns the
     * user-constrained policy set in the trust anchor's policy domain (empty for a null tree).
     */
    Set<String> intersect(int n, Set<String> initialPolicies) {
        if (root == null) {
            return Set.of();
        }
        if (!initialPolicies.contains(ANY)) {
            List<Node> nodeSet = new ArrayList<>();
            collectChildrenOfAny(root, nodeSet);
            Set<String> inNodeSet = new LinkedHashSet<>();
            for (Node node : nodeSet) {
                if (!node.isAny() && !initialPolicies.contains(node.validPolicy)) {
                    node.parent.children.remove(node);
                } else {
                    inNodeSet.add(node.validPolicy);
                }
            }
            for (Node leaf : atDepth(n)) {
                if (leaf.isAny()) {
                    for (String policy : initialPolicies) {
                        if (!inNodeSet.contains(policy)) {
                            new Node(policy, leaf.parent, Set.of(policy));
                        }
                    }
                    leaf.parent.children.remove(leaf);
                }
            }
            prune(n);
        }
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (Node leaf : atDepth(n)) {
            result.put(anchorDomainPolicy(leaf), Boolean.TRUE);
        }
        if (result.isEmpty()) {
            root = null;
        }
        return result.keySet();
    }

    /**
     * The policy of the trust anchor's domain a leaf derives from: the valid policy of its topmost ancestor
     * that is not anyPolicy (policy mappings rename policies below it), or anyPolicy.
     */
    private static String anchorDomainPolicy(Node leaf) {
        String policy = ANY;
        for (Node node = leaf; node != null; node = node.parent) {
            if (!node.isAny()) {
                policy = node.validPolicy;
            }
        }
        return policy;
    }

    private static void collectChildrenOfAny(Node node, List<Node> out) {
        for (Node child : node.children) {
            if (node.isAny()) {
                out.add(child);
            }
            collectChildrenOfAny(child, out);
        }
    }
}
