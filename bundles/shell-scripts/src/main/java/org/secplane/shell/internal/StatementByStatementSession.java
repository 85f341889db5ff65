package org.secplane.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.karaf.shell.api.console.History;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.api.console.Terminal;

/**
 * A Karaf session whose {@link #execute} runs a multi-line script one statement at a time (see
 * {@link ScriptStatements}); everything else is the wrapped session's. As with Karaf, the script stops
 * at the first statement that throws.
 */
public final class StatementByStatementSession implements Session {

    private final Session session;
    private final SessionFactory factory;

    public StatementByStatementSession(Session session, SessionFactory factory) {
        this.session = session;
        this.factory = factory;
    }

    @Override
    public Object execute(CharSequence script) throws Exception {
        Object result = null;
        for (String statement : ScriptStatements.split(script.toString())) {
            result = session.execute(statement);
        }
        return result;
    }

    @Override
    public Object get(String name) {
        return session.get(name);
    }

    @Override
    public void put(String name, Object value) {
        session.put(name, value);
    }

    @Override
    public InputStream getKeyboard() {
        return session.getKeyboard();
    }

    @Override
    public PrintStream getConsole() {
        return session.getConsole();
    }

    @Override
    public String readLine(String prompt, Character mask) throws IOException {
        return session.readLine(prompt, mask);
    }

    @Override
    public Terminal getTerminal() {
        return session.getTerminal();
    }

    @Override
    public History getHistory() {
        return session.getHistory();
    }

    @Override
    public Registry getRegistry() {
        return session.getRegistry();
    }

    @Override
    public SessionFactory getFactory() {
        return factory;
    }

    @Override
    public String resolveCommand(String name) {
        return session.resolveCommand(name);
    }

    @Override
    public Path currentDir() {
        return session.currentDir();
    }

    @Override
    public void currentDir(Path path) {
        session.currentDir(path);
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public void run() {
        session.run();
    }
}
