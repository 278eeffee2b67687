// NetInfo's native module is not in Jest; its package ships the mock to use.
jest.mock('@react-native-community/netinfo', () =>
  require('@react-native-community/netinfo/jest/netinfo-mock.js'),
);

// The book loads asynchronously; a slow CI machine needs more than the default 1 s (CI runs every package's tests at once on 2 cores).
require('@testing-library/react-native').configure({ asyncUtilTimeout: 20_000 });

// Each test's books are closed after it.
afterEach(() => require('./src/test/memory-book').closeBooks());
