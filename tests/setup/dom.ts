// DOM stubs for component tests under jsdom, kept in one place.
import '@testing-library/jest-dom/vitest';
