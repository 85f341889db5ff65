package org.secplane.crypto.component;

import java.util.List;
import org.secplane.driver.DeviceFamily;

/**
 * What {@code show security crypto providers} prints about the device family: the active
 * {@link DeviceFamily} service ({@link #of}), or {@link #PLATFORM_DRIVERS_NOT_INSTALLED} while there is none.
 */
public interface DeviceFamilySource {

    /** The family name ({@code linux}, {@code simulator}), or {@code unknown}. */
    String name();

    /** Why the family is what it is, or {@code null}: shown in parentheses. */
    String detail();

    /** What was detected (kernel, TUN, accelerators), or {@code null}. */
    default String hardware() {
        return null;
    }

    /** Whether it can carry traffic and if not why, or {@code null}. */
    default String status() {
        return null;
    }

    /** The drivers bound to the family. */
    default List<String> drivers() {
        return List.of();
    }

    /** What is printed while no platform driver can tell. */
    DeviceFamilySource PLATFORM_DRIVERS_NOT_INSTALLED = new DeviceFamilySource() {
        @Override
        public String name() {
            return "unknown";
        }

        @Override
        public String detail() {
            return "platform drivers not installed";
        }
    };

    /** The active family, asked afresh each time. */
    static DeviceFamilySource of(DeviceFamily family) {
        return new DeviceFamilySource() {
            @Override
            public String name() {
                return family.name();
            }

            @Override
            public String detail() {
                return null;
            }

            @Override
            public String hardware() {
                return family.hardware();
            }

            @Override
            public String status() {
                return family.status();
            }

            @Override
            public List<String> drivers() {
                return family.drivers();
            }
        };
    }
}
