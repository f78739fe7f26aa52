// natural's Porter stemmer, imported by its own path: importing `natural` whole prints dotenv banners on stdout.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
