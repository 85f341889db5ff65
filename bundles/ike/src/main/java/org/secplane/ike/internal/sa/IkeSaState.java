package org.secplane.ike.internal.sa;

/** Where an IKE SA is in its life. */
public enum IkeSaState {
    /** made, nothing sent or received yet */
    CREATED,
    /** IKE_SA_INIT under way */
    CONNECTING,
    /** IKE_SA_INIT done, IKE_AUTH under way */
    AUTHENTICATING,
    /** authenticated: usable */
    ESTABLISHED,
    /** being replaced by a rekeyed IKE SA (its CHILD SAs moved); waits for the old one's delete */
    REKEYED,
    /** a Delete for it is under way */
    DELETING,
    /** gone: nothing more happens on it */
    DESTROYED;

    /** {@code UP} when established, {@code DOWN} otherwise (the State column of Junos). */
    public String junos() {
        return this == ESTABLISHED || this == REKEYED ? "UP" : "DOWN";
    }
}
