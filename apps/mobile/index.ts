// The background sync task must be defined whenever the JS runs, also when the OS starts
// the app headless just to run it (no screen, so no layout module is loaded): so here, first.
import './src/book/background';
import 'expo-router/entry';
