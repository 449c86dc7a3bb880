// recharts ships this module's types under types/, not beside the file its package resolves to
declare module 'recharts/es6/util/DOMUtils' {
  export * from 'recharts/types/util/DOMUtils';
}
