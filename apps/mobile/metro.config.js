// Expo's defaults detect the pnpm workspace and package exports; expo-sqlite's web build imports a .wasm file.
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);
config.resolver.assetExts.push('wasm');

module.exports = config;
