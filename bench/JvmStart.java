/** Does nothing: its launch-to-exit time is the bare JVM start-up that the product's start-up is compared with. */
public class JvmStart {

    public static void main(String[] args) {
        // nothing to do
    }
}
